package io.perdura.sdk.internal.replay;

import java.util.function.Consumer;

/**
 * Runs local activities for the workflow tasks of one worker: the attempts of a {@link
 * LocalActivityRequest}, with its retries, off the workflow's coroutines. Implemented by the worker
 * ({@code internal.worker.LocalActivityExecutor}).
 */
public interface LocalActivityRunner {

    /**
     * Starts running {@code request}; {@code done} is told its outcome once, on any thread, unless it
     * is canceled first. Returns what cancels it (the running attempt is interrupted, no further
     * attempt starts, no outcome is told).
     *
     * @throws IllegalArgumentException when the worker has no implementation of its activity type
     */
    Runnable start(LocalActivityRequest request, Consumer<LocalActivityOutcome> done);
}
