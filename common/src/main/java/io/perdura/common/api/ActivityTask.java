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
 * @param header the header of the activity's ScheduleActivityTask command (a JSON object), absent for
 *     none
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
        JsonNode heartbeatDetails,
        JsonNode header) {

    /** A task without a header. */
    public ActivityTask(
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
            JsonNode heartbeatDetails) {
        this(
                taskToken,
                namespace,
                workflowId,
                runId,
                workflowType,
                activityId,
                activityType,
                taskQueue,
                input,
                attempt,
                scheduledTime,
                currentAttemptScheduledTime,
                startedTime,
                scheduleToCloseTimeout,
                startToCloseTimeout,
                heartbeatTimeout,
                heartbeatDetails,
                null);
    }
}
