package io.perdura.sdk.internal.statemachines;

import tools.jackson.databind.JsonNode;

/** Told once what the workflow code gets from a command: its result, or the failure to throw. */
@FunctionalInterface
public interface OutcomeListener {

    /** {@code failure} is null on success; {@code result} may be null (no value, or a timer that fired). */
    void resolved(JsonNode result, RuntimeException failure);
}
