package io.perdura.sdk.workflow;

import io.perdura.common.model.ParentClosePolicy;
import io.perdura.common.model.WorkflowIdReusePolicy;
import io.perdura.sdk.common.RetryOptions;
import java.time.Duration;
import java.util.Map;

/**
 * How a workflow starts a child workflow. Unset values: the workflow id is a deterministic UUID
 * ({@link Workflow#randomUUID()}), the namespace and task queue are the parent's, the parent close
 * policy is {@link ParentClosePolicy#TERMINATE}, the id reuse policy {@link
 * WorkflowIdReusePolicy#ALLOW_DUPLICATE}, the cancellation type {@link
 * ChildWorkflowCancellationType#WAIT_CANCELLATION_COMPLETED}, and no timeouts, retries, cron
 * schedule or memo. A child lives in its parent's namespace.
 */
public final class ChildWorkflowOptions {

    private final String namespace;
    private final String workflowId;
    private final String taskQueue;
    private final Duration workflowExecutionTimeout;
    private final Duration workflowRunTimeout;
    private final Duration workflowTaskTimeout;
    private final RetryOptions retryOptions;
    private final ParentClosePolicy parentClosePolicy;
    private final WorkflowIdReusePolicy workflowIdReusePolicy;
    private final String cronSchedule;
    private final Map<String, Object> memo;
    private final ChildWorkflowCancellationType cancellationType;

    private ChildWorkflowOptions(Builder b) {
        this.namespace = b.namespace;
        this.workflowId = b.workflowId;
        this.taskQueue = b.taskQueue;
        this.workflowExecutionTimeout = b.workflowExecutionTimeout;
        this.workflowRunTimeout = b.workflowRunTimeout;
        this.workflowTaskTimeout = b.workflowTaskTimeout;
        this.retryOptions = b.retryOptions;
        this.parentClosePolicy = b.parentClosePolicy;
        this.workflowIdReusePolicy = b.workflowIdReusePolicy;
        this.cronSchedule = b.cronSchedule;
        this.memo = b.memo == null ? null : Map.copyOf(b.memo);
        this.cancellationType = b.cancellationType;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding the values of {@code options} (none if null). */
    public static Builder newBuilder(ChildWorkflowOptions options) {
        Builder b = new Builder();
        if (options != null) {
            b.namespace = options.namespace;
            b.workflowId = options.workflowId;
            b.taskQueue = options.taskQueue;
            b.workflowExecutionTimeout = options.workflowExecutionTimeout;
            b.workflowRunTimeout = options.workflowRunTimeout;
            b.workflowTaskTimeout = options.workflowTaskTimeout;
            b.retryOptions = options.retryOptions;
            b.parentClosePolicy = options.parentClosePolicy;
            b.workflowIdReusePolicy = options.workflowIdReusePolicy;
            b.cronSchedule = options.cronSchedule;
            b.memo = options.memo;
            b.cancellationType = options.cancellationType;
        }
        return b;
    }

    /** Options that set nothing: every value is its default. */
    public static ChildWorkflowOptions getDefaultInstance() {
        return new Builder().build();
    }

    public Builder toBuilder() {
        return newBuilder(this);
    }

    /** As set; null means the parent's. */
    public String getNamespace() {
        return namespace;
    }

    /** As set; null means a deterministic UUID chosen when the child starts. */
    public String getWorkflowId() {
        return workflowId;
    }

    /** As set; null means the parent's task queue. */
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

    /** As set; null means {@link ParentClosePolicy#TERMINATE}. */
    public ParentClosePolicy getParentClosePolicy() {
        return parentClosePolicy;
    }

    /** As set; null means {@link WorkflowIdReusePolicy#ALLOW_DUPLICATE}. */
    public WorkflowIdReusePolicy getWorkflowIdReusePolicy() {
        return workflowIdReusePolicy;
    }

    public String getCronSchedule() {
        return cronSchedule;
    }

    public Map<String, Object> getMemo() {
        return memo;
    }

    /** As set; null means {@link ChildWorkflowCancellationType#WAIT_CANCELLATION_COMPLETED}. */
    public ChildWorkflowCancellationType getCancellationType() {
        return cancellationType;
    }

    @Override
    public String toString() {
        return "ChildWorkflowOptions{namespace=" + namespace + ", workflowId=" + workflowId + ", taskQueue="
                + taskQueue + ", workflowExecutionTimeout=" + workflowExecutionTimeout + ", workflowRunTimeout="
                + workflowRunTimeout + ", workflowTaskTimeout=" + workflowTaskTimeout + ", retryOptions="
                + retryOptions + ", parentClosePolicy=" + parentClosePolicy + ", workflowIdReusePolicy="
                + workflowIdReusePolicy + ", cronSchedule=" + cronSchedule + ", memo=" + memo
                + ", cancellationType=" + cancellationType + "}";
    }

    /** Builds {@link ChildWorkflowOptions}. */
    public static final class Builder {
        private String namespace;
        private String workflowId;
        private String taskQueue;
        private Duration workflowExecutionTimeout;
        private Duration workflowRunTimeout;
        private Duration workflowTaskTimeout;
        private RetryOptions retryOptions;
        private ParentClosePolicy parentClosePolicy;
        private WorkflowIdReusePolicy workflowIdReusePolicy;
        private String cronSchedule;
        private Map<String, Object> memo;
        private ChildWorkflowCancellationType cancellationType;

        private Builder() {}

        /** The child's namespace: only the parent's is accepted (children live in their parent's namespace). */
        public Builder setNamespace(String namespace) {
            this.namespace = namespace;
            return this;
        }

        public Builder setWorkflowId(String workflowId) {
            this.workflowId = workflowId;
            return this;
        }

        public Builder setTaskQueue(String taskQueue) {
            this.taskQueue = taskQueue;
            return this;
        }

        /** The time the child's chain of runs (retries, continue-as-new) may take. */
        public Builder setWorkflowExecutionTimeout(Duration timeout) {
            this.workflowExecutionTimeout = timeout;
            return this;
        }

        /** The time each run of the child may take. */
        public Builder setWorkflowRunTimeout(Duration timeout) {
            this.workflowRunTimeout = timeout;
            return this;
        }

        public Builder setWorkflowTaskTimeout(Duration timeout) {
            this.workflowTaskTimeout = timeout;
            return this;
        }

        /** The child's own retry policy: a failed run is retried as a new run of the same child. */
        public Builder setRetryOptions(RetryOptions retryOptions) {
            this.retryOptions = retryOptions;
            return this;
        }

        /** What happens to the child when the parent closes first. */
        public Builder setParentClosePolicy(ParentClosePolicy policy) {
            this.parentClosePolicy = policy;
            return this;
        }

        /** Whether the child's id may start again when a run of it is closed. */
        public Builder setWorkflowIdReusePolicy(WorkflowIdReusePolicy policy) {
            this.workflowIdReusePolicy = policy;
            return this;
        }

        public Builder setCronSchedule(String cronSchedule) {
            this.cronSchedule = cronSchedule;
            return this;
        }

        public Builder setMemo(Map<String, Object> memo) {
            this.memo = memo;
            return this;
        }

        /** What cancelling the scope of the child's call does. */
        public Builder setCancellationType(ChildWorkflowCancellationType cancellationType) {
            this.cancellationType = cancellationType;
            return this;
        }

        public ChildWorkflowOptions build() {
            return new ChildWorkflowOptions(this);
        }
    }
}
