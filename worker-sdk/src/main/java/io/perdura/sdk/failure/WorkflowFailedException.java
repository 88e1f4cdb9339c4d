package io.perdura.sdk.failure;

import io.perdura.common.model.WorkflowStatus;

/**
 * Client side: the workflow run closed without a result. {@link #getCause()} is its failure chain
 * ({@link ApplicationFailure}, {@link ActivityFailure} …, {@link TerminatedFailure}, {@link
 * TimeoutFailure}).
 */
public final class WorkflowFailedException extends RuntimeException {

    private final String workflowId;
    private final String runId;
    private final String workflowType;
    private final WorkflowStatus status;

    public WorkflowFailedException(
            String workflowId, String runId, String workflowType, WorkflowStatus status, Throwable cause) {
        super(
                "Workflow execution " + status + ": workflowId='" + workflowId + "', runId='" + runId
                        + (workflowType == null ? "'" : "', workflowType='" + workflowType + "'"),
                cause);
        this.workflowId = workflowId;
        this.runId = runId;
        this.workflowType = workflowType;
        this.status = status;
    }

    public String getWorkflowId() {
        return workflowId;
    }

    public String getRunId() {
        return runId;
    }

    public String getWorkflowType() {
        return workflowType;
    }

    /** FAILED, TERMINATED, TIMED_OUT or CANCELED. */
    public WorkflowStatus getStatus() {
        return status;
    }
}
