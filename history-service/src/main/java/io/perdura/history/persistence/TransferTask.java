package io.perdura.history.persistence;

import io.perdura.common.model.WorkflowExecutionKey;

/**
 * An outbox row: work to hand on once the transaction that wrote it committed. For a task row,
 * {@code scheduledEventId} is the task's scheduled event; for a row about another workflow, the
 * command's *Initiated event (the parent's, for RECORD_CHILD_EXECUTION_COMPLETED and
 * PARENT_CLOSE_POLICY), and {@code target} names that workflow when the row's run does not.
 */
public record TransferTask(
        int shardId,
        long taskId,
        WorkflowExecutionKey execution,
        TransferTaskType type,
        String taskQueue,
        long scheduledEventId,
        int attempt,
        TransferTarget target) {

    /** A row for matching. */
    public TransferTask(
            int shardId,
            long taskId,
            WorkflowExecutionKey execution,
            TransferTaskType type,
            String taskQueue,
            long scheduledEventId,
            int attempt) {
        this(shardId, taskId, execution, type, taskQueue, scheduledEventId, attempt, null);
    }
}
