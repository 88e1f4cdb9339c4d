package io.perdura.testing;

import io.perdura.sdk.activity.ActivityInfo;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** The {@link ActivityInfo} of an activity run by a {@link TestActivityEnvironment}: test values. */
record TestActivityInfo(
        String activityId,
        String activityType,
        long timestamp,
        Duration scheduleToCloseTimeout,
        Duration startToCloseTimeout,
        Duration heartbeatTimeout,
        JsonNode heartbeatDetails,
        int attempt)
        implements ActivityInfo {

    static final String WORKFLOW_ID = "test-workflow-id";
    static final String RUN_ID = "test-run-id";
    static final String WORKFLOW_TYPE = "TestWorkflow";
    static final String NAMESPACE = "default";
    static final String TASK_QUEUE = "test-activity-task-queue";

    @Override
    public byte[] getTaskToken() {
        return (RUN_ID + "/" + activityId + "/" + attempt).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String getWorkflowId() {
        return WORKFLOW_ID;
    }

    @Override
    @Deprecated
    public String getRunId() {
        return RUN_ID;
    }

    @Override
    public String getWorkflowRunId() {
        return RUN_ID;
    }

    @Override
    public String getActivityId() {
        return activityId;
    }

    @Override
    public String getActivityType() {
        return activityType;
    }

    @Override
    public long getScheduledTimestamp() {
        return timestamp;
    }

    @Override
    public long getStartedTimestamp() {
        return timestamp;
    }

    @Override
    public long getCurrentAttemptScheduledTimestamp() {
        return timestamp;
    }

    @Override
    public Duration getScheduleToCloseTimeout() {
        return scheduleToCloseTimeout;
    }

    @Override
    public Duration getStartToCloseTimeout() {
        return startToCloseTimeout;
    }

    @Override
    public Duration getHeartbeatTimeout() {
        return heartbeatTimeout;
    }

    @Override
    public Optional<JsonNode> getHeartbeatDetails() {
        return Optional.ofNullable(heartbeatDetails);
    }

    @Override
    public String getWorkflowType() {
        return WORKFLOW_TYPE;
    }

    @Override
    public String getNamespace() {
        return NAMESPACE;
    }

    @Override
    @Deprecated
    public String getWorkflowNamespace() {
        return NAMESPACE;
    }

    @Override
    public String getActivityTaskQueue() {
        return TASK_QUEUE;
    }

    @Override
    public int getAttempt() {
        return attempt;
    }

    @Override
    public boolean isLocal() {
        return false;
    }
}
