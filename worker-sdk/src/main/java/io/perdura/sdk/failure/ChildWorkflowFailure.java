package io.perdura.sdk.failure;

import io.perdura.common.model.RetryState;
import io.perdura.sdk.client.WorkflowExecution;

/**
 * Thrown into a parent's workflow code when a child workflow did not complete; {@link #getCause()}
 * says why: an {@link ApplicationFailure} (or another failure) the child failed with, a {@link
 * CanceledFailure}, a {@link TimeoutFailure}, a {@link TerminatedFailure}, or, when the child could
 * not start because its workflow id is in use, a {@link
 * io.perdura.sdk.client.WorkflowExecutionAlreadyStarted}.
 */
public final class ChildWorkflowFailure extends PerduraFailure {

    private final String namespace;
    private final WorkflowExecution execution;
    private final String workflowType;
    private final long initiatedEventId;
    private final long startedEventId;
    private final RetryState retryState;

    public ChildWorkflowFailure(
            long initiatedEventId,
            long startedEventId,
            String workflowType,
            WorkflowExecution execution,
            String namespace,
            RetryState retryState,
            Throwable cause) {
        super(
                "Child workflow failed: workflowId='" + (execution == null ? null : execution.workflowId())
                        + "', runId='" + (execution == null ? null : execution.runId()) + "', workflowType='"
                        + workflowType + "', initiatedEventId=" + initiatedEventId + ", startedEventId="
                        + startedEventId + ", namespace='" + namespace + "', retryState=" + retryState,
                "Child workflow failed",
                cause);
        this.namespace = namespace;
        this.execution = execution;
        this.workflowType = workflowType;
        this.initiatedEventId = initiatedEventId;
        this.startedEventId = startedEventId;
        this.retryState = retryState;
    }

    public String getNamespace() {
        return namespace;
    }

    /** The child's workflow id and, once it started, its run id (the run that closed, for a chain of runs). */
    public WorkflowExecution getExecution() {
        return execution;
    }

    public String getWorkflowType() {
        return workflowType;
    }

    /** The parent's StartChildWorkflowExecutionInitiated event; 0 for a child dropped before it was sent. */
    public long getInitiatedEventId() {
        return initiatedEventId;
    }

    /** The parent's ChildWorkflowExecutionStarted event; 0 when the child never started. */
    public long getStartedEventId() {
        return startedEventId;
    }

    public RetryState getRetryState() {
        return retryState;
    }
}
