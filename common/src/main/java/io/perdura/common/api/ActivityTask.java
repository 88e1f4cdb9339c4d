package io.perdura.common.api;

import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** An activity task handed to a worker: run the activity once and report its outcome. */
public record ActivityTask(
        String taskToken,
        String workflowId,
        String runId,
        String workflowType,
        String activityId,
        String activityType,
        JsonNode input,
        int attempt,
        Instant scheduledTime,
        Instant startedTime,
        Duration startToCloseTimeout,
        Duration heartbeatTimeout,
        JsonNode heartbeatDetails) {}
