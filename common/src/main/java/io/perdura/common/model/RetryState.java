package io.perdura.common.model;

/** Why an activity stopped being retried. */
public enum RetryState {
    IN_PROGRESS,
    NON_RETRYABLE_FAILURE,
    TIMEOUT,
    MAXIMUM_ATTEMPTS_REACHED,
    RETRY_POLICY_NOT_SET,
    /** The workflow asked the activity to cancel: a failure or timeout after that is final. */
    CANCEL_REQUESTED
}
