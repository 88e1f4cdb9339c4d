package io.perdura.sdk.activity;

import io.perdura.sdk.common.RetryOptions;
import java.time.Duration;

/**
 * How a workflow's activity stub schedules activities. The task queue defaults to the workflow's;
 * set at least a start-to-close or a schedule-to-close timeout (here, or in the defaults of {@link
 * io.perdura.sdk.worker.WorkflowImplementationOptions}). The cancellation type defaults to {@link
 * ActivityCancellationType#TRY_CANCEL}.
 */
public final class ActivityOptions {

    private final String taskQueue;
    private final Duration startToCloseTimeout;
    private final Duration scheduleToCloseTimeout;
    private final Duration scheduleToStartTimeout;
    private final Duration heartbeatTimeout;
    private final RetryOptions retryOptions;
    private final ActivityCancellationType cancellationType;

    private ActivityOptions(Builder b) {
        this.taskQueue = b.taskQueue;
        this.startToCloseTimeout = b.startToCloseTimeout;
        this.scheduleToCloseTimeout = b.scheduleToCloseTimeout;
        this.scheduleToStartTimeout = b.scheduleToStartTimeout;
        this.heartbeatTimeout = b.heartbeatTimeout;
        this.retryOptions = b.retryOptions;
        this.cancellationType = b.cancellationType;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder holding the values of {@code options} (none if null). */
    public static Builder newBuilder(ActivityOptions options) {
        return new Builder().mergeActivityOptions(options);
    }

    public Builder toBuilder() {
        return newBuilder(this);
    }

    public String getTaskQueue() {
        return taskQueue;
    }

    public Duration getStartToCloseTimeout() {
        return startToCloseTimeout;
    }

    public Duration getScheduleToCloseTimeout() {
        return scheduleToCloseTimeout;
    }

    public Duration getScheduleToStartTimeout() {
        return scheduleToStartTimeout;
    }

    public Duration getHeartbeatTimeout() {
        return heartbeatTimeout;
    }

    public RetryOptions getRetryOptions() {
        return retryOptions;
    }

    /** As set; null means {@link ActivityCancellationType#TRY_CANCEL}. */
    public ActivityCancellationType getCancellationType() {
        return cancellationType;
    }

    @Override
    public String toString() {
        return "ActivityOptions{taskQueue=" + taskQueue + ", startToCloseTimeout=" + startToCloseTimeout
                + ", scheduleToCloseTimeout=" + scheduleToCloseTimeout + ", scheduleToStartTimeout="
                + scheduleToStartTimeout + ", heartbeatTimeout=" + heartbeatTimeout + ", retryOptions=" + retryOptions
                + ", cancellationType=" + cancellationType + "}";
    }

    /** Builds {@link ActivityOptions}. */
    public static final class Builder {
        private String taskQueue;
        private Duration startToCloseTimeout;
        private Duration scheduleToCloseTimeout;
        private Duration scheduleToStartTimeout;
        private Duration heartbeatTimeout;
        private RetryOptions retryOptions;
        private ActivityCancellationType cancellationType;

        private Builder() {}

        public Builder setTaskQueue(String taskQueue) {
            this.taskQueue = taskQueue;
            return this;
        }

        public Builder setStartToCloseTimeout(Duration startToCloseTimeout) {
            this.startToCloseTimeout = startToCloseTimeout;
            return this;
        }

        public Builder setScheduleToCloseTimeout(Duration scheduleToCloseTimeout) {
            this.scheduleToCloseTimeout = scheduleToCloseTimeout;
            return this;
        }

        public Builder setScheduleToStartTimeout(Duration scheduleToStartTimeout) {
            this.scheduleToStartTimeout = scheduleToStartTimeout;
            return this;
        }

        public Builder setHeartbeatTimeout(Duration heartbeatTimeout) {
            this.heartbeatTimeout = heartbeatTimeout;
            return this;
        }

        public Builder setRetryOptions(RetryOptions retryOptions) {
            this.retryOptions = retryOptions;
            return this;
        }

        public Builder setCancellationType(ActivityCancellationType cancellationType) {
            this.cancellationType = cancellationType;
            return this;
        }

        /** Takes every value {@code override} sets; the values it leaves unset stay as they are. */
        public Builder mergeActivityOptions(ActivityOptions override) {
            if (override == null) {
                return this;
            }
            taskQueue = override.taskQueue != null ? override.taskQueue : taskQueue;
            startToCloseTimeout =
                    override.startToCloseTimeout != null ? override.startToCloseTimeout : startToCloseTimeout;
            scheduleToCloseTimeout =
                    override.scheduleToCloseTimeout != null ? override.scheduleToCloseTimeout : scheduleToCloseTimeout;
            scheduleToStartTimeout =
                    override.scheduleToStartTimeout != null ? override.scheduleToStartTimeout : scheduleToStartTimeout;
            heartbeatTimeout = override.heartbeatTimeout != null ? override.heartbeatTimeout : heartbeatTimeout;
            retryOptions = override.retryOptions != null ? override.retryOptions : retryOptions;
            cancellationType = override.cancellationType != null ? override.cancellationType : cancellationType;
            return this;
        }

        public ActivityOptions build() {
            return new ActivityOptions(this);
        }
    }
}
