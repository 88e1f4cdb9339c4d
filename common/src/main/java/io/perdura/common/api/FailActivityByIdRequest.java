package io.perdura.common.api;

import io.perdura.common.model.Failure;
import tools.jackson.databind.JsonNode;

/**
 * Fails the running attempt of activity {@code activityId} of a run ({@code runId} absent: the
 * current run); the server decides on a retry.
 */
public record FailActivityByIdRequest(
        String workflowId,
        String runId,
        String activityId,
        Failure failure,
        String identity,
        JsonNode lastHeartbeatDetails) {}
