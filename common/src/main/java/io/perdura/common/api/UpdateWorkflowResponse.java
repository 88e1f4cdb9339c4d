package io.perdura.common.api;

import io.perdura.common.model.Failure;
import tools.jackson.databind.JsonNode;

/**
 * Where an update got: ACCEPTED; COMPLETED with the handler's {@code result}, or with the {@code
 * failure} it threw; REJECTED with the validator's {@code failure}.
 */
public record UpdateWorkflowResponse(String updateId, UpdateStage stage, JsonNode result, Failure failure) {

    public static UpdateWorkflowResponse accepted(String updateId) {
        return new UpdateWorkflowResponse(updateId, UpdateStage.ACCEPTED, null, null);
    }

    public static UpdateWorkflowResponse completed(String updateId, JsonNode result, Failure failure) {
        return new UpdateWorkflowResponse(updateId, UpdateStage.COMPLETED, result, failure);
    }

    public static UpdateWorkflowResponse rejected(String updateId, Failure failure) {
        return new UpdateWorkflowResponse(updateId, UpdateStage.REJECTED, null, failure);
    }
}
