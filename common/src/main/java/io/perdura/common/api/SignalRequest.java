package io.perdura.common.api;

import tools.jackson.databind.JsonNode;

/**
 * Body of {@code POST …/workflows/{workflowId}/signal/{signalName}}.
 *
 * @param input JSON array of arguments
 * @param requestId idempotency key: a repeated requestId records the signal once
 * @param identity who sent it
 * @param header a JSON object of context for interceptors, recorded in WorkflowExecutionSignaled;
 *     absent for none
 */
public record SignalRequest(JsonNode input, String requestId, String identity, JsonNode header) {

    /** A signal without a header. */
    public SignalRequest(JsonNode input, String requestId, String identity) {
        this(input, requestId, identity, null);
    }
}
