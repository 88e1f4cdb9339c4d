package io.perdura.sdk.activity;

import io.perdura.sdk.common.RetryOptions;
import java.time.Duration;

/**
 * How a workflow's activity stub schedules activities. The task queue defaults to the workflow's;
 * set at least a start-to-close or a schedule-to-close timeout.
 */
public final class ActivityOptions {

    private final String taskQueue;
    private final Duration startToCloseTimeout;
    private final Duration scheduleToCloseTimeout;
    private final Duration scheduleToStartTimeout;
    private final Duration heartbeatTimeout;
    private final RetryOptions retryOptions;

    private ActivityOptions(Builder b) {
        this.taskQueue = b.taskQueue;
        this.startToCloseTimeout = b.startToCloseTimeout;
        this.scheduleToCloseTimeout = b.scheduleToCloseTimeout;
        this.scheduleToStartTimeout = b.scheduleToStartTimeout;
        this.heartbeatTimeout = b.heartbeatTimeout;
        this.retryOptions = b.retryOptions;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder newBuilder() {
        return new Builder();
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

    /** Builds {@link ActivityOptions}. */
    public static final class Builder {
        private String taskQueue;
        private Duration startToCloseTimeout;
        private Duration scheduleToCloseTimeout;
        private Duration scheduleToStartTimeout;
        private Duration heartbeatTimeout;
        private RetryOptions retryOptions;

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

        public ActivityOptions build() {
            return new ActivityOptions(this);
        }
    }
}
