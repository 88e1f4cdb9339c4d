package io.perdura.sdk.internal.replay;

/** A cached run cannot continue with the history it was given: replay from the full history instead. */
public final class StaleRunException extends RuntimeException {

    StaleRunException(String message) {
        super(message, null, false, false);
    }
}
