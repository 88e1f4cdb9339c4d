package io.perdura.sdk.workflow;

import io.perdura.sdk.common.RetryOptions;
import java.time.Duration;
import java.util.Map;

/** What changes for the run a workflow continues as ({@link Workflow#continueAsNew}); unset values stay the same. */
public final class ContinueAsNewOptions {

    private final Duration workflowRunTimeout;
    private final String taskQueue;
    private final Duration workflowTaskTimeout;
    private final RetryOptions retryOptions;
    private final Map<String, Object> memo;

    private ContinueAsNewOptions(Builder b) {
        this.workflowRunTimeout = b.workflowRunTimeout;
        this.taskQueue = b.taskQueue;
        this.workflowTaskTimeout = b.workflowTaskTimeout;
        this.retryOptions = b.retryOptions;
        this.memo = b.memo == null ? null : Map.copyOf(b.memo);
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options that change nothing. */
    public static ContinueAsNewOptions getDefaultInstance() {
        return new Builder().build();
    }

    public Duration getWorkflowRunTimeout() {
        return workflowRunTimeout;
    }

    public String getTaskQueue() {
        return taskQueue;
    }

    public Duration getWorkflowTaskTimeout() {
        return workflowTaskTimeout;
    }

    public RetryOptions getRetryOptions() {
        return retryOptions;
    }

    public Map<String, Object> getMemo() {
        return memo;
    }

    /** Builds {@link ContinueAsNewOptions}. */
    public static final class Builder {
        private Duration workflowRunTimeout;
        private String taskQueue;
        private Duration workflowTaskTimeout;
        private RetryOptions retryOptions;
        private Map<String, Object> memo;

        private Builder() {}

        public Builder setWorkflowRunTimeout(Duration workflowRunTimeout) {
            this.workflowRunTimeout = workflowRunTimeout;
            return this;
        }

        public Builder setTaskQueue(String taskQueue) {
            this.taskQueue = taskQueue;
            return this;
        }

        public Builder setWorkflowTaskTimeout(Duration workflowTaskTimeout) {
            this.workflowTaskTimeout = workflowTaskTimeout;
            return this;
        }

        public Builder setRetryOptions(RetryOptions retryOptions) {
            this.retryOptions = retryOptions;
            return this;
        }

        public Builder setMemo(Map<String, Object> memo) {
            this.memo = memo;
            return this;
        }

        public ContinueAsNewOptions build() {
            return new ContinueAsNewOptions(this);
        }
    }
}
