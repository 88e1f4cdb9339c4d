package io.perdura.sdk.client;

import io.perdura.common.error.ErrorType;

/** The server refused a request or could not be reached; {@link #getErrorType()} says why. */
public class WorkflowServiceException extends RuntimeException {

    private final ErrorType errorType;

    public WorkflowServiceException(ErrorType errorType, String detail) {
        super(detail);
        this.errorType = errorType;
    }

    public WorkflowServiceException(ErrorType errorType, String detail, Throwable cause) {
        super(detail, cause);
        this.errorType = errorType;
    }

    public ErrorType getErrorType() {
        return errorType;
    }

    /** Whether the same request may succeed later (server unavailable, timeout, rate limited). */
    public boolean isRetryable() {
        return errorType.isRetryable();
    }
}
