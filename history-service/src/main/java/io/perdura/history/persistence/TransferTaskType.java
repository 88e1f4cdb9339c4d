package io.perdura.history.persistence;

/**
 * What an outbox row asks for: a task for matching, or work in another workflow that the relay
 * carries out through history requests (ADR 13).
 */
public enum TransferTaskType {
    WORKFLOW_TASK,
    ACTIVITY_TASK,
    /** Start the child of StartChildWorkflowExecutionInitiated {@code scheduledEventId}, then tell the parent. */
    START_CHILD_EXECUTION,
    /** Deliver the signal of SignalExternalWorkflowExecutionInitiated {@code scheduledEventId}, then tell the sender. */
    SIGNAL_EXECUTION,
    /** Deliver the cancel request of RequestCancelExternalWorkflowExecutionInitiated {@code scheduledEventId}. */
    CANCEL_EXECUTION,
    /** Tell the parent ({@link TransferTarget}) that this child's chain of runs closed. */
    RECORD_CHILD_EXECUTION_COMPLETED,
    /** Terminate or cancel the child ({@link TransferTarget}) of this closed parent, as its policy says. */
    PARENT_CLOSE_POLICY
}
