package io.perdura.common.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

/**
 * How an update ended: its handler's result ({@code success}) or its {@code failure}. ({@code
 * success} is named explicitly: the ignored {@link #isSuccess()} would otherwise hide it from JSON.)
 */
public record UpdateOutcome(@JsonProperty("success") JsonNode success, Failure failure) {

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
