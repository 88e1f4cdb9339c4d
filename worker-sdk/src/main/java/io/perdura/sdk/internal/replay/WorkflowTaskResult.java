package io.perdura.sdk.internal.replay;

import io.perdura.common.command.Command;
import io.perdura.common.history.EventAttributes.WorkflowTaskFailedCause;
import io.perdura.common.model.Failure;
import java.util.List;

/** The answer to a workflow task: commands, or the reason the task failed. */
public sealed interface WorkflowTaskResult {

    /** The workflow code ran until every coroutine blocked and produced these commands. */
    record Completed(List<Command> commands) implements WorkflowTaskResult {}

    /** The task could not be run; the run stays open and the server retries the task. */
    record Failed(WorkflowTaskFailedCause cause, Failure failure) implements WorkflowTaskResult {}
}
