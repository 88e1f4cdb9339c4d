package io.perdura.common.api;

import tools.jackson.databind.JsonNode;

/**
 * Body of {@code POST …/workflows/{workflowId}/update/{updateName}}.
 *
 * @param input JSON array of the update handler's arguments
 * @param updateId idempotency key: repeating it returns the first outcome (a rejected update is
 *     validated again); the frontend generates one when absent
 * @param waitForStage ACCEPTED or COMPLETED (the default): when the call answers
 * @param identity who sends it
 */
public record UpdateWorkflowRequest(JsonNode input, String updateId, UpdateStage waitForStage, String identity) {}
