package io.perdura.common.model;

/** One run of a workflow as other runs refer to it in history: {@code {"workflowId", "runId"}}. */
public record WorkflowExecution(String workflowId, String runId) {}
