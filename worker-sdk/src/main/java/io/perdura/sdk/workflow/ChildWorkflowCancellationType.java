package io.perdura.sdk.workflow;

/**
 * What cancelling the scope of a child workflow call does (Temporal's semantics). Whatever the
 * type, a child whose StartChildWorkflowExecution command was not sent yet is dropped and its call
 * fails with a {@link io.perdura.sdk.failure.ChildWorkflowFailure} caused by a {@link
 * io.perdura.sdk.failure.CanceledFailure}. Otherwise the child is asked to cancel with
 * RequestCancelExternalWorkflowExecution (only it, not a workflow that took its id), once it has
 * started.
 */
public enum ChildWorkflowCancellationType {
    /**
     * Ask the child to cancel and wait for it to close: the call fails with a ChildWorkflowFailure
     * caused by a CanceledFailure once the child closed canceled, or returns or fails as the child
     * did if it closed otherwise (the default).
     */
    WAIT_CANCELLATION_COMPLETED,

    /** Ask the child to cancel; the call fails with a CanceledFailure once the child's run recorded the request. */
    WAIT_CANCELLATION_REQUESTED,

    /** Ask the child to cancel; the call fails with a CanceledFailure at once. */
    TRY_CANCEL,

    /** Leave the child running (its parent close policy still applies); the call fails with a CanceledFailure at once. */
    ABANDON
}
