package io.perdura.sdk.activity;

import java.time.Instant;

/** What a running activity knows about its task. */
public record ActivityInfo(
        String activityId,
        String activityType,
        int attempt,
        String workflowId,
        String runId,
        String workflowType,
        String namespace,
        String taskQueue,
        Instant scheduledTime) {

    public String getActivityId() {
        return activityId;
    }

    public String getActivityType() {
        return activityType;
    }

    /** 1 for the first attempt. */
    public int getAttempt() {
        return attempt;
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

    public String getNamespace() {
        return namespace;
    }

    public String getTaskQueue() {
        return taskQueue;
    }
}
