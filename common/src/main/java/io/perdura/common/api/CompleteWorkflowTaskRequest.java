package io.perdura.common.api;

import io.perdura.common.command.Command;
import java.util.List;

/** A worker's answer to a workflow task: the commands the workflow code produced. */
public record CompleteWorkflowTaskRequest(String taskToken, List<Command> commands, String identity) {}
