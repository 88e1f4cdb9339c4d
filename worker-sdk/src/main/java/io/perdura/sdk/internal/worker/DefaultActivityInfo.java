package io.perdura.sdk.internal.worker;

import io.perdura.common.api.ActivityTask;
import io.perdura.sdk.activity.ActivityInfo;
import io.perdura.sdk.internal.common.TaskTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** {@link ActivityInfo} of one attempt, read from its task. */
record DefaultActivityInfo(ActivityTask task, String namespace, String taskQueue) implements ActivityInfo {

    /** The task's namespace and queue, or the worker's where an older server left them out. */
    static DefaultActivityInfo of(ActivityTask task, String workerNamespace, String workerTaskQueue) {
        return new DefaultActivityInfo(
                task,
                task.namespace() != null ? task.namespace() : workerNamespace,
                task.taskQueue() != null ? task.taskQueue() : workerTaskQueue);
    }

    @Override
    public byte[] getTaskToken() {
        return TaskTokens.toBytes(task.taskToken());
    }

    @Override
    public String getWorkflowId() {
        return task.workflowId();
    }

    @Override
    @Deprecated
    public String getRunId() {
        return task.runId();
    }

    @Override
    public String getWorkflowRunId() {
        return task.runId();
    }

    @Override
    public String getActivityId() {
        return task.activityId();
    }

    @Override
    public String getActivityType() {
        return task.activityType();
    }

    @Override
    public long getScheduledTimestamp() {
        return millis(task.scheduledTime());
    }

    @Override
    public long getStartedTimestamp() {
        return millis(task.startedTime());
    }

    @Override
    public long getCurrentAttemptScheduledTimestamp() {
        return millis(
                task.currentAttemptScheduledTime() != null ? task.currentAttemptScheduledTime() : task.scheduledTime());
    }

    @Override
    public Duration getScheduleToCloseTimeout() {
        return orZero(task.scheduleToCloseTimeout());
    }

    @Override
    public Duration getStartToCloseTimeout() {
        return orZero(task.startToCloseTimeout());
    }

    @Override
    public Duration getHeartbeatTimeout() {
        return orZero(task.heartbeatTimeout());
    }

    @Override
    public Optional<JsonNode> getHeartbeatDetails() {
        return Optional.ofNullable(task.heartbeatDetails()).filter(details -> !details.isNull());
    }

    @Override
    public String getWorkflowType() {
        return task.workflowType();
    }

    @Override
    public String getNamespace() {
        return namespace;
    }

    @Override
    @Deprecated
    public String getWorkflowNamespace() {
        return namespace;
    }

    @Override
    public String getActivityTaskQueue() {
        return taskQueue;
    }

    @Override
    public int getAttempt() {
        return task.attempt();
    }

    @Override
    public boolean isLocal() {
        return false;
    }

    private static long millis(Instant instant) {
        return instant == null ? 0 : instant.toEpochMilli();
    }

    private static Duration orZero(Duration duration) {
        return duration == null ? Duration.ZERO : duration;
    }
}
