package io.perdura.sdk.workflow;

import io.perdura.sdk.failure.CanceledFailure;
import io.perdura.sdk.internal.replay.DefaultCancellationScope;

/**
 * Code that can be canceled as a whole ({@link Workflow#newCancellationScope(Runnable)}). Canceling
 * a scope cancels its child scopes (not detached ones) and everything started in it: a timer is
 * canceled (its promise and {@link Workflow#sleep} fail with a {@link CanceledFailure}), an activity
 * is canceled as its {@link io.perdura.sdk.activity.ActivityCancellationType} says, and {@link
 * Workflow#await} throws a CanceledFailure. The workflow method runs in a scope that a cancellation
 * request for the workflow cancels; a detached scope ({@link
 * Workflow#newDetachedCancellationScope}) still runs after that, e.g. for cleanup.
 */
public interface CancellationScope extends Runnable {

    /** Runs the scope's code with this scope as the current one. */
    @Override
    void run();

    /** Whether the scope ignores the cancellation of the scope it was created in. */
    boolean isDetached();

    /** Cancels the scope, its non-detached children and what was started in them. */
    void cancel();

    /** {@link #cancel()} with a reason, which the CanceledFailures carry. */
    void cancel(String reason);

    /** The reason given to {@link #cancel(String)}, or null. */
    String getCancellationReason();

    boolean isCancelRequested();

    /** Completes with the reason (possibly null) when the scope is canceled. */
    Promise<String> getCancellationRequest();

    /** The scope the calling workflow code runs in. */
    static CancellationScope current() {
        return DefaultCancellationScope.current();
    }

    /** Throws a {@link CanceledFailure} if the current scope is canceled. */
    static void throwCanceled() throws CanceledFailure {
        CancellationScope current = current();
        if (current.isCancelRequested()) {
            throw new CanceledFailure(
                    current.getCancellationReason() == null ? "canceled" : current.getCancellationReason());
        }
    }
}
