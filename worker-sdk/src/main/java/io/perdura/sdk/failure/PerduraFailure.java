package io.perdura.sdk.failure;

/**
 * Base of every failure that crosses a workflow boundary: it maps to and from the {@link
 * io.perdura.common.model.Failure} recorded in history. Users throw only {@link ApplicationFailure}.
 */
public abstract class PerduraFailure extends RuntimeException {

    private final String originalMessage;

    protected PerduraFailure(String message, String originalMessage, Throwable cause) {
        super(message, cause);
        this.originalMessage = originalMessage;
    }

    /** The message as given, without the decorations {@link #getMessage()} may add. */
    public String getOriginalMessage() {
        return originalMessage;
    }
}
