package io.perdura.common.api;

import tools.jackson.databind.JsonNode;

/** A heartbeat of the running attempt of activity {@code activityId} of a run ({@code runId} absent: the current run). */
public record HeartbeatActivityByIdRequest(
        String workflowId, String runId, String activityId, JsonNode details, String identity) {}
