package io.perdura.common.api;

import tools.jackson.databind.JsonNode;

/** Completes the running attempt of activity {@code activityId} of a run ({@code runId} absent: the current run). */
public record CompleteActivityByIdRequest(
        String workflowId, String runId, String activityId, JsonNode result, String identity) {}
