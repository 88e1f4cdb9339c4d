package io.perdura.sdk.internal.worker;

import io.perdura.sdk.activity.ActivityInfo;
import io.perdura.sdk.internal.replay.LocalActivityRequest;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** {@link ActivityInfo} of one attempt of a local activity: no task token, no heartbeats. */
record LocalActivityInfo(
        LocalActivityRequest request,
        int attempt,
        long currentAttemptScheduledTimestamp,
        long startedTimestamp,
        Duration startToCloseTimeout)
        implements ActivityInfo {

    @Override
    public byte[] getTaskToken() {
        return new byte[0];
    }

    @Override
    public String getWorkflowId() {
        return request.workflow().workflowId();
    }

    @Override
    @Deprecated
    public String getRunId() {
        return request.workflow().runId();
    }

    @Override
    public String getWorkflowRunId() {
        return request.workflow().runId();
    }

    @Override
    public String getActivityId() {
        return request.activityId();
    }

    @Override
    public String getActivityType() {
        return request.activityType();
    }

    @Override
    public long getScheduledTimestamp() {
        return request.originalScheduledTimeMillis();
    }

    @Override
    public long getStartedTimestamp() {
        return startedTimestamp;
    }

    @Override
    public long getCurrentAttemptScheduledTimestamp() {
        return currentAttemptScheduledTimestamp;
    }

    @Override
    public Duration getScheduleToCloseTimeout() {
        return request.scheduleToCloseTimeout() == null ? Duration.ZERO : request.scheduleToCloseTimeout();
    }

    @Override
    public Duration getStartToCloseTimeout() {
        return startToCloseTimeout;
    }

    @Override
    public Duration getHeartbeatTimeout() {
        return Duration.ZERO;
    }

    @Override
    public Optional<JsonNode> getHeartbeatDetails() {
        return Optional.empty();
    }

    @Override
    public String getWorkflowType() {
        return request.workflow().workflowType();
    }

    @Override
    public String getNamespace() {
        return request.workflow().namespace();
    }

    @Override
    @Deprecated
    public String getWorkflowNamespace() {
        return request.workflow().namespace();
    }

    @Override
    public String getActivityTaskQueue() {
        return request.workflow().taskQueue();
    }

    @Override
    public int getAttempt() {
        return attempt;
    }

    @Override
    public boolean isLocal() {
        return true;
    }
}
