package io.perdura.common.model;

import tools.jackson.databind.JsonNode;

/**
 * A failure with its cause chain, as recorded in history and returned to clients.
 *
 * @param message human-readable message
 * @param kind which failure this is
 * @param type for application failures, the error type (by default the exception class name)
 * @param nonRetryable whether an application failure must not be retried
 * @param details optional application payload
 * @param stackTrace the stack trace of the worker-side exception, if any
 * @param cause the failure that caused this one
 * @param activity for activity failures, which activity failed
 * @param timeoutType for timeout failures, which timeout expired
 */
public record Failure(
        String message,
        FailureKind kind,
        String type,
        boolean nonRetryable,
        JsonNode details,
        String stackTrace,
        Failure cause,
        ActivityFailureInfo activity,
        TimeoutType timeoutType) {

    public static Failure application(String type, String message, boolean nonRetryable) {
        return new Failure(message, FailureKind.APPLICATION, type, nonRetryable, null, null, null, null, null);
    }

    public static Failure timeout(TimeoutType timeoutType) {
        return new Failure(
                "activity " + timeoutType + " timeout",
                FailureKind.TIMEOUT,
                null,
                false,
                null,
                null,
                null,
                null,
                timeoutType);
    }

    public static Failure server(String message) {
        return new Failure(message, FailureKind.SERVER, null, true, null, null, null, null, null);
    }

    public Failure withDetails(JsonNode newDetails) {
        return new Failure(message, kind, type, nonRetryable, newDetails, stackTrace, cause, activity, timeoutType);
    }

    public Failure withCause(Failure newCause) {
        return new Failure(message, kind, type, nonRetryable, details, stackTrace, newCause, activity, timeoutType);
    }

    /** What kind of failure a {@link Failure} is. */
    public enum FailureKind {
        APPLICATION,
        ACTIVITY,
        CHILD_WORKFLOW,
        TIMEOUT,
        CANCELED,
        TERMINATED,
        SERVER
    }

    /** Identifies the activity an {@link FailureKind#ACTIVITY} failure is about. */
    public record ActivityFailureInfo(
            long scheduledEventId,
            long startedEventId,
            String activityId,
            String activityType,
            RetryState retryState) {}
}
