package io.perdura.common.api;

import io.perdura.common.model.WorkflowStatus;
import java.time.Instant;

/** One row of a workflow list. */
public record WorkflowExecutionSummary(
        String workflowId,
        String runId,
        String workflowType,
        String taskQueue,
        WorkflowStatus status,
        Instant startTime,
        Instant closeTime) {}
