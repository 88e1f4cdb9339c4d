package io.perdura.sdk.failure;

/** The operation was canceled. */
public final class CanceledFailure extends PerduraFailure {

    public CanceledFailure(String message, Throwable cause) {
        super(message, message, cause);
    }
}
