package io.perdura.common.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import tools.jackson.databind.JsonNode;

/** How an update ended: its handler's result ({@code success}) or its {@code failure}. */
public record UpdateOutcome(JsonNode success, Failure failure) {

    public static UpdateOutcome success(JsonNode result) {
        return new UpdateOutcome(result, null);
    }

    public static UpdateOutcome failure(Failure failure) {
        return new UpdateOutcome(null, failure);
    }

    @JsonIgnore
    public boolean isSuccess() {
        return failure == null;
    }
}
