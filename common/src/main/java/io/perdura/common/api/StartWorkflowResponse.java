package io.perdura.common.api;

/** The run a start created (or, for a repeated requestId, the run it created before). */
public record StartWorkflowResponse(String workflowId, String runId) {}
