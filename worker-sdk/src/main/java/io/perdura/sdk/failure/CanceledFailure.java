package io.perdura.sdk.failure;

/**
 * The operation was canceled: thrown into workflow code by a blocking call in a canceled {@link
 * io.perdura.sdk.workflow.CancellationScope} (as the cause of an {@link ActivityFailure} for an
 * activity). Let it escape the workflow method of a run whose cancellation was requested and the run
 * closes CANCELED.
 */
public final class CanceledFailure extends PerduraFailure {

    public CanceledFailure(String message) {
        this(message, null);
    }

    public CanceledFailure(String message, Throwable cause) {
        super(message, message, cause);
    }
}
