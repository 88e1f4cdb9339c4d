package io.perdura.sdk.failure;

/** The workflow execution was terminated; the message is the reason given. */
public final class TerminatedFailure extends PerduraFailure {

    public TerminatedFailure(String reason, Throwable cause) {
        super(reason, reason, cause);
    }
}
