package io.perdura.sdk.workflow;

import io.perdura.sdk.common.converter.EncodedValues;

/**
 * Handles every update that has no {@link UpdateMethod} of its own, whatever its name (library
 * code, DSLs), as in Temporal. Register it with {@link Workflow#registerListener(Object)}; a run has
 * at most one (a later one replaces it). Unlike signals, an update that finds no handler is
 * rejected, not kept.
 */
public interface DynamicUpdateHandler {

    /**
     * Validates the update before it is accepted, read-only like an {@link UpdateValidatorMethod}:
     * throw to reject it. Accepts every update unless overridden.
     */
    default void handleValidate(String updateName, EncodedValues args) {}

    /** Runs as the update's handler, on a workflow coroutine of its own; what it returns is the update's result. */
    Object handleExecute(String updateName, EncodedValues args);
}
