package io.perdura.sdk.workflow;

import java.time.Duration;
import java.util.Optional;

/**
 * What a running workflow knows about itself, taken from its run's WorkflowExecutionStarted event.
 *
 * @param attempt the workflow retry attempt, 1 for the first
 * @param continuedExecutionRunId the run this one continues (continue-as-new, retry, cron), or null
 * @param firstExecutionRunId the first run of the chain this run belongs to (this run if it is the first)
 * @param parentWorkflowId the parent's workflow id for a child workflow, or null
 * @param parentRunId the parent's run id for a child workflow, or null
 * @param cronSchedule the cron schedule, or null
 * @param workflowRunTimeout the run's timeout, or null
 * @param workflowExecutionTimeout the timeout of the whole chain of runs, or null
 * @param runStartedTimestampMillis when the run started (the started event's time)
 */
public record WorkflowInfo(
        String namespace,
        String workflowId,
        String runId,
        String workflowType,
        String taskQueue,
        int attempt,
        String continuedExecutionRunId,
        String firstExecutionRunId,
        String parentWorkflowId,
        String parentRunId,
        String cronSchedule,
        Duration workflowRunTimeout,
        Duration workflowExecutionTimeout,
        long runStartedTimestampMillis) {

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

    public Optional<String> getContinuedExecutionRunId() {
        return Optional.ofNullable(continuedExecutionRunId);
    }

    public String getFirstExecutionRunId() {
        return firstExecutionRunId;
    }

    public Optional<String> getParentWorkflowId() {
        return Optional.ofNullable(parentWorkflowId);
    }

    public Optional<String> getParentRunId() {
        return Optional.ofNullable(parentRunId);
    }

    public String getCronSchedule() {
        return cronSchedule;
    }

    public Duration getWorkflowRunTimeout() {
        return workflowRunTimeout;
    }

    public Duration getWorkflowExecutionTimeout() {
        return workflowExecutionTimeout;
    }

    public long getRunStartedTimestampMillis() {
        return runStartedTimestampMillis;
    }
}
