package io.perdura.common.api;

import io.perdura.common.model.WorkflowStatus;
import java.time.Instant;
import java.util.List;

/** What describe reports about one run. */
public record WorkflowExecutionDescription(
        String workflowId,
        String runId,
        String workflowType,
        String taskQueue,
        WorkflowStatus status,
        Instant startTime,
        Instant closeTime,
        long historyLength,
        List<PendingActivityInfo> pendingActivities,
        PendingWorkflowTaskInfo pendingWorkflowTask) {}
