package io.perdura.sdk.client;

import io.perdura.sdk.common.RetryOptions;
import java.time.Duration;

/** How a client starts a workflow. The task queue is required; the workflow id defaults to a UUID. */
public final class WorkflowOptions {

    private final String workflowId;
    private final String taskQueue;
    private final Duration workflowExecutionTimeout;
    private final Duration workflowRunTimeout;
    private final Duration workflowTaskTimeout;
    private final RetryOptions retryOptions;
    private final String requestId;

    private WorkflowOptions(Builder b) {
        this.workflowId = b.workflowId;
        this.taskQueue = b.taskQueue;
        this.workflowExecutionTimeout = b.workflowExecutionTimeout;
        this.workflowRunTimeout = b.workflowRunTimeout;
        this.workflowTaskTimeout = b.workflowTaskTimeout;
        this.retryOptions = b.retryOptions;
        this.requestId = b.requestId;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    public String getWorkflowId() {
        return workflowId;
    }

    public String getTaskQueue() {
        return taskQueue;
    }

    public Duration getWorkflowExecutionTimeout() {
        return workflowExecutionTimeout;
    }

    public Duration getWorkflowRunTimeout() {
        return workflowRunTimeout;
    }

    public Duration getWorkflowTaskTimeout() {
        return workflowTaskTimeout;
    }

    public RetryOptions getRetryOptions() {
        return retryOptions;
    }

    public String getRequestId() {
        return requestId;
    }

    /** Builds {@link WorkflowOptions}. */
    public static final class Builder {
        private String workflowId;
        private String taskQueue;
        private Duration workflowExecutionTimeout;
        private Duration workflowRunTimeout;
        private Duration workflowTaskTimeout;
        private RetryOptions retryOptions;
        private String requestId;

        private Builder() {}

        public Builder setWorkflowId(String workflowId) {
            this.workflowId = workflowId;
            return this;
        }

        public Builder setTaskQueue(String taskQueue) {
            this.taskQueue = taskQueue;
            return this;
        }

        public Builder setWorkflowExecutionTimeout(Duration timeout) {
            this.workflowExecutionTimeout = timeout;
            return this;
        }

        public Builder setWorkflowRunTimeout(Duration timeout) {
            this.workflowRunTimeout = timeout;
            return this;
        }

        public Builder setWorkflowTaskTimeout(Duration timeout) {
            this.workflowTaskTimeout = timeout;
            return this;
        }

        /** The default retry policy of the workflow's activities. */
        public Builder setRetryOptions(RetryOptions retryOptions) {
            this.retryOptions = retryOptions;
            return this;
        }

        /** Idempotency key of the start: repeating it returns the same run. */
        public Builder setRequestId(String requestId) {
            this.requestId = requestId;
            return this;
        }

        public WorkflowOptions build() {
            return new WorkflowOptions(this);
        }
    }
}
