package io.perdura.common.api;

import tools.jackson.databind.JsonNode;

/**
 * Reports activity {@code activityId} of a run ({@code runId} absent: the current run) canceled, as
 * its workflow asked.
 */
public record CancelActivityByIdRequest(
        String workflowId, String runId, String activityId, JsonNode details, String identity) {}
