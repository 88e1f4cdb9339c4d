package io.perdura.sdk.failure;

import io.perdura.common.model.TimeoutType;

/** A timeout expired: an activity's, or the workflow's own. */
public final class TimeoutFailure extends PerduraFailure {

    private final TimeoutType timeoutType;

    public TimeoutFailure(String message, TimeoutType timeoutType, Throwable cause) {
        super(message, message, cause);
        this.timeoutType = timeoutType;
    }

    /** Which timeout expired; null for a workflow timeout. */
    public TimeoutType getTimeoutType() {
        return timeoutType;
    }
}
