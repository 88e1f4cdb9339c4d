package io.perdura.sdk.workflow;

/** What a running workflow knows about itself. */
public record WorkflowInfo(
        String namespace, String workflowId, String runId, String workflowType, String taskQueue, int attempt) {

    public String getNamespace() {
        return namespace;
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

    public String getTaskQueue() {
        return taskQueue;
    }

    public int getAttempt() {
        return attempt;
    }
}
