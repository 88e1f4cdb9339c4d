package io.perdura.history.persistence;

import io.perdura.common.model.WorkflowStatus;

/** The latest run of a workflow id. */
public record CurrentExecution(String runId, WorkflowStatus status, String startRequestId) {}
