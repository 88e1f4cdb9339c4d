package io.perdura.sdk.internal.replay;

/**
 * Something started in a {@link DefaultCancellationScope} that the scope's cancellation must reach:
 * a timer, an activity, a local activity, a child workflow, a signal to another workflow. Register
 * it with {@link DefaultCancellationScope#register} when it is started and unregister it once it is
 * resolved.
 */
@FunctionalInterface
public interface Cancellable {

    /** The scope was canceled; {@code reason} may be null. Called on a workflow coroutine. */
    void cancel(String reason);
}
