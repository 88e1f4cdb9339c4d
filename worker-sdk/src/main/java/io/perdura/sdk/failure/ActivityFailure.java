package io.perdura.sdk.failure;

import io.perdura.common.model.RetryState;

/**
 * Thrown into workflow code when an activity failed for good; {@link #getCause()} is what failed it:
 * an {@link ApplicationFailure} with the original type and message, or a {@link TimeoutFailure}.
 */
public final class ActivityFailure extends PerduraFailure {

    private final String activityType;
    private final String activityId;
    private final long scheduledEventId;
    private final long startedEventId;
    private final RetryState retryState;

    public ActivityFailure(
            String activityType,
            String activityId,
            long scheduledEventId,
            long startedEventId,
            RetryState retryState,
            Throwable cause) {
        super(
                "Activity failed: activityType='" + activityType + "', activityId='" + activityId + "', retryState="
                        + retryState,
                "Activity failed",
                cause);
        this.activityType = activityType;
        this.activityId = activityId;
        this.scheduledEventId = scheduledEventId;
        this.startedEventId = startedEventId;
        this.retryState = retryState;
    }

    public String getActivityType() {
        return activityType;
    }

    public String getActivityId() {
        return activityId;
    }

    public long getScheduledEventId() {
        return scheduledEventId;
    }

    public long getStartedEventId() {
        return startedEventId;
    }

    public RetryState getRetryState() {
        return retryState;
    }
}
