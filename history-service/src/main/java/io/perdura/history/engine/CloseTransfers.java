package io.perdura.history.engine;

import io.perdura.common.history.EventAttributes;
import io.perdura.common.history.EventAttributes.WorkflowExecutionCompleted;
import io.perdura.common.history.EventAttributes.WorkflowExecutionContinuedAsNew;
import io.perdura.common.history.EventAttributes.WorkflowExecutionFailed;
import io.perdura.common.history.EventAttributes.WorkflowExecutionTimedOut;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.model.ParentClosePolicy;
import io.perdura.common.model.ParentExecutionInfo;
import io.perdura.history.mutablestate.ChildExecutionInfo;
import io.perdura.history.persistence.TransferTarget;
import io.perdura.history.persistence.TransferTaskType;

/**
 * The outbox rows a closing run writes, in its closing transaction, about the workflows related to
 * it (ADR 13):
 *
 * <ul>
 *   <li>a child whose chain of runs ends here (not when it continues as new, retries or goes on with
 *       its next cron run: the parent hears of the chain's end) tells its parent: one
 *       RECORD_CHILD_EXECUTION_COMPLETED row with the closing event;
 *   <li>a parent applies its close policy to each started child whose policy is TERMINATE or
 *       REQUEST_CANCEL: one PARENT_CLOSE_POLICY row each. A child still INITIATED is settled by its
 *       START_CHILD_EXECUTION row, which finds the parent closed and applies the policy itself.
 * </ul>
 */
final class CloseTransfers {

    private CloseTransfers() {}

    static void write(RunUpdate update, HistoryEvent closing) {
        var execution = update.state().execution();
        ParentExecutionInfo parent = execution.parent();
        if (parent != null && newExecutionRunId(closing.attributes()) == null) {
            update.transfer(
                    TransferTaskType.RECORD_CHILD_EXECUTION_COMPLETED,
                    parent.initiatedEventId(),
                    new TransferTarget(
                            parent.namespace(),
                            parent.execution().workflowId(),
                            parent.execution().runId(),
                            null,
                            execution.firstExecutionRunId(),
                            closing));
        }
        for (ChildExecutionInfo child : update.state().children()) {
            if (child.state() == ChildExecutionInfo.State.STARTED
                    && child.parentClosePolicy() != ParentClosePolicy.ABANDON) {
                update.transfer(
                        TransferTaskType.PARENT_CLOSE_POLICY,
                        child.initiatedEventId(),
                        new TransferTarget(
                                child.namespace(),
                                child.workflowId(),
                                child.startedRunId(),
                                child.parentClosePolicy(),
                                null,
                                null));
            }
        }
    }

    /** The run that follows the closing run in its chain, or null when the chain ends. */
    private static String newExecutionRunId(EventAttributes closing) {
        return switch (closing) {
            case WorkflowExecutionCompleted c -> c.newExecutionRunId();
            case WorkflowExecutionFailed f -> f.newExecutionRunId();
            case WorkflowExecutionTimedOut t -> t.newExecutionRunId();
            case WorkflowExecutionContinuedAsNew c -> c.newExecutionRunId();
            default -> null;
        };
    }
}
