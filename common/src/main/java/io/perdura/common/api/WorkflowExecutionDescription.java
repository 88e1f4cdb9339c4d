package io.perdura.common.api;

import io.perdura.common.model.WorkflowExecution;
import io.perdura.common.model.WorkflowStatus;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What describe reports about one run.
 *
 * @param executionTime when the run's first workflow task was (or is) due: its start plus any start
 *     delay, retry backoff or wait for its cron time
 * @param firstRunId the first run of the chain this run belongs to (continue-as-new, retries, cron)
 * @param memo the memo given at start
 * @param parentNamespace the namespace of the parent, for a child run
 * @param parentExecution the parent run, for a child run
 * @param pendingChildren the children this run started that have not closed yet
 */
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
        PendingWorkflowTaskInfo pendingWorkflowTask,
        Instant executionTime,
        String firstRunId,
        JsonNode memo,
        String parentNamespace,
        WorkflowExecution parentExecution,
        List<PendingChildExecutionInfo> pendingChildren) {

    /** A description without the chain's details (tests and fakes). */
    public WorkflowExecutionDescription(
            String workflowId,
            String runId,
            String workflowType,
            String taskQueue,
            WorkflowStatus status,
            Instant startTime,
            Instant closeTime,
            long historyLength,
            List<PendingActivityInfo> pendingActivities,
            PendingWorkflowTaskInfo pendingWorkflowTask) {
        this(
                workflowId,
                runId,
                workflowType,
                taskQueue,
                status,
                startTime,
                closeTime,
                historyLength,
                pendingActivities,
                pendingWorkflowTask,
                startTime,
                runId,
                null,
                null,
                null,
                List.of());
    }
}
