package io.perdura.sdk.failure;

/** A failure the server itself produced (for example, a command it rejected). */
public final class ServerFailure extends PerduraFailure {

    private final boolean nonRetryable;

    public ServerFailure(String message, boolean nonRetryable, Throwable cause) {
        super(message, message, cause);
        this.nonRetryable = nonRetryable;
    }

    public boolean isNonRetryable() {
        return nonRetryable;
    }
}
