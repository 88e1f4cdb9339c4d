package io.perdura.common.api;

import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * An activity task handed to a worker: run the activity once and report its outcome.
 *
 * @param scheduledTime when the workflow scheduled the activity (its first attempt)
 * @param currentAttemptScheduledTime when this attempt was scheduled (after the retry backoff)
 * @param startedTime when a worker took this attempt
 * @param scheduleToCloseTimeout limit of the whole activity, all attempts; absent for none
 * @param startToCloseTimeout limit of this attempt
 * @param heartbeatTimeout the longest gap between heartbeats; absent for none
 * @param heartbeatDetails the details of the last heartbeat recorded, by this or an earlier attempt
 */
public record ActivityTask(
        String taskToken,
        String namespace,
        String workflowId,
        String runId,
        String workflowType,
        String activityId,
        String activityType,
        String taskQueue,
        JsonNode input,
        int attempt,
        Instant scheduledTime,
        Instant currentAttemptScheduledTime,
        Instant startedTime,
        Duration scheduleToCloseTimeout,
        Duration startToCloseTimeout,
        Duration heartbeatTimeout,
        JsonNode heartbeatDetails) {}
