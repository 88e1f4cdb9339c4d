package io.perdura.sdk.internal.replay;

/**
 * Code that must be read-only (an update's validator) tried to produce a command, block, or change
 * the run's state; the update is rejected with it.
 */
final class ReadOnlyException extends IllegalStateException {

    ReadOnlyException(String message) {
        super(message);
    }
}
