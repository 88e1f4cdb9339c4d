package io.perdura.sdk.client;

import io.perdura.common.model.WorkflowIdConflictPolicy;
import io.perdura.common.model.WorkflowIdReusePolicy;
import io.perdura.sdk.common.RetryOptions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** How a client starts a workflow. The task queue is required; the workflow id defaults to a UUID. */
public final class WorkflowOptions {

    private final String workflowId;
    private final String taskQueue;
    private final Duration workflowExecutionTimeout;
    private final Duration workflowRunTimeout;
    private final Duration workflowTaskTimeout;
    private final RetryOptions retryOptions;
    private final String requestId;
    private final WorkflowIdReusePolicy workflowIdReusePolicy;
    private final WorkflowIdConflictPolicy workflowIdConflictPolicy;
    private final String cronSchedule;
    private final Map<String, Object> memo;
    private final Duration startDelay;
    private final boolean disableEagerExecution;

    private WorkflowOptions(Builder b) {
        this.workflowId = b.workflowId;
        this.taskQueue = b.taskQueue;
        this.workflowExecutionTimeout = b.workflowExecutionTimeout;
        this.workflowRunTimeout = b.workflowRunTimeout;
        this.workflowTaskTimeout = b.workflowTaskTimeout;
        this.retryOptions = b.retryOptions;
        this.requestId = b.requestId;
        this.workflowIdReusePolicy = b.workflowIdReusePolicy;
        this.workflowIdConflictPolicy = b.workflowIdConflictPolicy;
        this.cronSchedule = b.cronSchedule;
        this.memo = b.memo == null ? null : Map.copyOf(b.memo);
        this.startDelay = b.startDelay;
        this.disableEagerExecution = b.disableEagerExecution;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** A builder starting from {@code options}. */
    public static Builder newBuilder(WorkflowOptions options) {
        Builder b = new Builder();
        b.workflowId = options.workflowId;
        b.taskQueue = options.taskQueue;
        b.workflowExecutionTimeout = options.workflowExecutionTimeout;
        b.workflowRunTimeout = options.workflowRunTimeout;
        b.workflowTaskTimeout = options.workflowTaskTimeout;
        b.retryOptions = options.retryOptions;
        b.requestId = options.requestId;
        b.workflowIdReusePolicy = options.workflowIdReusePolicy;
        b.workflowIdConflictPolicy = options.workflowIdConflictPolicy;
        b.cronSchedule = options.cronSchedule;
        b.memo = options.memo == null ? null : new LinkedHashMap<>(options.memo);
        b.startDelay = options.startDelay;
        b.disableEagerExecution = options.disableEagerExecution;
        return b;
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

    /** The workflow's retry policy: a failed run is retried as a new run. */
    public RetryOptions getRetryOptions() {
        return retryOptions;
    }

    public String getRequestId() {
        return requestId;
    }

    public WorkflowIdReusePolicy getWorkflowIdReusePolicy() {
        return workflowIdReusePolicy;
    }

    public WorkflowIdConflictPolicy getWorkflowIdConflictPolicy() {
        return workflowIdConflictPolicy;
    }

    public String getCronSchedule() {
        return cronSchedule;
    }

    public Map<String, Object> getMemo() {
        return memo;
    }

    public Duration getStartDelay() {
        return startDelay;
    }

    /**
     * Whether the start never asks for eager execution (ADR 29). When false (the default) a client
     * whose {@code WorkerFactory} has a started worker on the task queue, with the workflow type
     * registered and a workflow-task slot free, gets the first workflow task in the start's answer
     * and runs it in that worker without a poll; any other start is dispatched as before.
     */
    public boolean isDisableEagerExecution() {
        return disableEagerExecution;
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
        private WorkflowIdReusePolicy workflowIdReusePolicy;
        private WorkflowIdConflictPolicy workflowIdConflictPolicy;
        private String cronSchedule;
        private Map<String, Object> memo;
        private Duration startDelay;
        private boolean disableEagerExecution;

        private Builder() {}

        public Builder setWorkflowId(String workflowId) {
            this.workflowId = workflowId;
            return this;
        }

        public Builder setTaskQueue(String taskQueue) {
            this.taskQueue = taskQueue;
            return this;
        }

        /** Limit for the whole execution, across continue-as-new, retries and cron runs. */
        public Builder setWorkflowExecutionTimeout(Duration timeout) {
            this.workflowExecutionTimeout = timeout;
            return this;
        }

        /** Limit for one run. */
        public Builder setWorkflowRunTimeout(Duration timeout) {
            this.workflowRunTimeout = timeout;
            return this;
        }

        public Builder setWorkflowTaskTimeout(Duration timeout) {
            this.workflowTaskTimeout = timeout;
            return this;
        }

        /**
         * The workflow's retry policy, as in Temporal: a run that fails (or whose run timeout expires)
         * is retried as a new run after the policy's backoff, until its attempts are used or the
         * execution timeout expires; {@code Workflow.getInfo().getAttempt()} counts. The default
         * retry policy of the workflow's ACTIVITIES is set with {@code WorkflowImplementationOptions}.
         */
        public Builder setRetryOptions(RetryOptions retryOptions) {
            this.retryOptions = retryOptions;
            return this;
        }

        /** Idempotency key of the start: repeating it returns the same run. */
        public Builder setRequestId(String requestId) {
            this.requestId = requestId;
            return this;
        }

        /** Whether the workflow id may start again once its last run closed (default ALLOW_DUPLICATE). */
        public Builder setWorkflowIdReusePolicy(WorkflowIdReusePolicy policy) {
            this.workflowIdReusePolicy = policy;
            return this;
        }

        /** What a start does when the workflow id has a running run (default FAIL). */
        public Builder setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy policy) {
            this.workflowIdConflictPolicy = policy;
            return this;
        }

        /** Runs the workflow on a cron schedule (5 fields, UTC, or {@code @every 1h}). */
        public Builder setCronSchedule(String cronSchedule) {
            this.cronSchedule = cronSchedule;
            return this;
        }

        /** Non-indexed values stored with the run and returned by describe. */
        public Builder setMemo(Map<String, Object> memo) {
            this.memo = memo;
            return this;
        }

        /** Delays the first workflow task by this much. */
        public Builder setStartDelay(Duration startDelay) {
            this.startDelay = startDelay;
            return this;
        }

        /** True: the start never asks for its first workflow task (see {@link #isDisableEagerExecution}). */
        public Builder setDisableEagerExecution(boolean disableEagerExecution) {
            this.disableEagerExecution = disableEagerExecution;
            return this;
        }

        public WorkflowOptions build() {
            return new WorkflowOptions(this);
        }
    }
}
