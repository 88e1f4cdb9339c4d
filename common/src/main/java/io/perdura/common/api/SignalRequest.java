package io.perdura.common.api;

import tools.jackson.databind.JsonNode;

/**
 * Body of {@code POST …/workflows/{workflowId}/signal/{signalName}}.
 *
 * @param input JSON array of arguments
 * @param requestId idempotency key: a repeated requestId records the signal once
 * @param identity who sent it
 */
public record SignalRequest(JsonNode input, String requestId, String identity) {}
