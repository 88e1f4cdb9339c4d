package io.perdura.sdk.client;

/**
 * The update was rejected by the workflow's validator, or its handler failed: {@link #getCause()} is
 * what the validator or the handler threw ({@link io.perdura.sdk.failure.ApplicationFailure} …).
 */
public final class WorkflowUpdateException extends RuntimeException {

    private final WorkflowExecution execution;
    private final String updateId;
    private final String updateName;

    public WorkflowUpdateException(WorkflowExecution execution, String updateId, String updateName, Throwable cause) {
        super(
                "Workflow update failed: workflowId='" + execution.workflowId() + "', updateId='" + updateId
                        + "', updateName='" + updateName + "'",
                cause);
        this.execution = execution;
        this.updateId = updateId;
        this.updateName = updateName;
    }

    public WorkflowExecution getExecution() {
        return execution;
    }

    public String getUpdateId() {
        return updateId;
    }

    public String getUpdateName() {
        return updateName;
    }
}
