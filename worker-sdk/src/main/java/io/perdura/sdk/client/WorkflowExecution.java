package io.perdura.sdk.client;

/** Identifies one run of a workflow. */
public record WorkflowExecution(String workflowId, String runId) {

    public String getWorkflowId() {
        return workflowId;
    }

    public String getRunId() {
        return runId;
    }
}
