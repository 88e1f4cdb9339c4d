package io.perdura.sdk.client;

/** Identifies one run of a workflow. */
public record WorkflowExecution(String workflowId, String runId) {}
