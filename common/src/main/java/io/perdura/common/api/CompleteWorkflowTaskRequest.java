package io.perdura.common.api;

import io.perdura.common.command.Command;
import java.util.List;

/**
 * A worker's answer to a workflow task: the commands the workflow code produced.
 *
 * @param stickyAttributes set when the worker keeps the run cached and wants its next tasks on its
 *     own queue (see {@link StickyExecutionAttributes}); null: the next tasks go to the normal queue
 */
public record CompleteWorkflowTaskRequest(
        String taskToken, List<Command> commands, String identity, StickyExecutionAttributes stickyAttributes) {

    /** An answer that asks for no sticky execution. */
    public CompleteWorkflowTaskRequest(String taskToken, List<Command> commands, String identity) {
        this(taskToken, commands, identity, null);
    }
}
