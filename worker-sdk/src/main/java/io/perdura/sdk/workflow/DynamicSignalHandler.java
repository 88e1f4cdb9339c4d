package io.perdura.sdk.workflow;

import io.perdura.sdk.common.converter.EncodedValues;

/**
 * Handles every signal that has no handler of its own, whatever its name (library code, DSLs).
 * Register it with {@link Workflow#registerListener(Object)}; a run has at most one (a later one
 * replaces it). Signals that arrived before it was registered are delivered to it then, in order.
 */
public interface DynamicSignalHandler {

    /** Runs as a signal handler, on a workflow coroutine of its own. */
    void handle(String signalName, EncodedValues args);
}
