package io.perdura.sdk.activity;

/**
 * What cancelling the scope of an activity call does. Whatever the type, an activity whose
 * ScheduleActivityTask command was not sent yet is dropped and its call fails with an {@link
 * io.perdura.sdk.failure.ActivityFailure} caused by a {@link io.perdura.sdk.failure.CanceledFailure}.
 */
public enum ActivityCancellationType {
    /**
     * Ask the server to cancel the activity and wait for the outcome: the call fails with an
     * ActivityFailure(CanceledFailure) once the activity is canceled (it was not started yet, or its
     * worker learnt of the request from a heartbeat and reported canceled), or it returns or fails as
     * the activity did if it completed anyway.
     */
    WAIT_CANCELLATION_COMPLETED,

    /** Ask the server to cancel the activity, and fail the call with ActivityFailure(CanceledFailure) at once. */
    TRY_CANCEL,

    /** Send nothing to the server; fail the call with ActivityFailure(CanceledFailure) at once. */
    ABANDON
}
