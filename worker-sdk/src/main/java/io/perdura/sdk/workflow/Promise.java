package io.perdura.sdk.workflow;

import io.perdura.sdk.internal.replay.Promises;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The result of an asynchronous operation of workflow code (an activity started with {@link Async},
 * a timer, a promise completed by other workflow code …). Waiting blocks only the calling workflow
 * coroutine; callbacks ({@link #thenApply} …) run in workflow coroutines, in an order fixed by the
 * history, so that replays see the same thing.
 *
 * <p>As in Temporal, {@link #get()} waits even in a canceled {@link CancellationScope}: the
 * operations a scope cancels (timers, activities) fail their promises with a {@link
 * io.perdura.sdk.failure.CanceledFailure} themselves. {@link #cancellableGet()} also gives up when
 * the current scope is canceled.
 */
public interface Promise<V> {

    /** Whether the promise has a value or a failure. */
    boolean isCompleted();

    /** Waits for the promise and returns its value, or throws its failure. */
    V get();

    /** Like {@link #get()}, but throws a CanceledFailure if the current scope is canceled before the promise completes. */
    V cancellableGet();

    /**
     * Waits at most {@code timeout} (a durable timer) for the promise.
     *
     * @throws TimeoutException if the promise did not complete in time
     */
    V get(long timeout, TimeUnit unit) throws TimeoutException;

    /** {@link #get(long, TimeUnit)} with a Duration. */
    V get(Duration timeout) throws TimeoutException;

    /** {@link #get(long, TimeUnit)} that also throws a CanceledFailure if the current scope is canceled. */
    V cancellableGet(long timeout, TimeUnit unit) throws TimeoutException;

    /** Waits for the promise; its failure, or null if it completed with a value. */
    RuntimeException getFailure();

    /** A promise of {@code fn} applied to this promise's value; a failure passes through unchanged. */
    <U> Promise<U> thenApply(Functions.Func1<? super V, ? extends U> fn);

    /** A promise of {@code fn} applied to this promise's value or failure (one of the two is null). */
    <U> Promise<U> handle(Functions.Func2<? super V, RuntimeException, ? extends U> fn);

    /** A promise completed like the promise {@code fn} returns for this promise's value. */
    <U> Promise<U> thenCompose(Functions.Func1<? super V, ? extends Promise<U>> fn);

    /** A promise of this promise's value, or of {@code fn} applied to its failure. */
    Promise<V> exceptionally(Functions.Func1<Throwable, ? extends V> fn);

    /** Completes when all {@code promises} completed, or fails with the first failure among them. */
    static <V> Promise<Void> allOf(Iterable<Promise<V>> promises) {
        return Promises.allOf(promises);
    }

    /** Completes when all {@code promises} completed, or fails with the first failure among them. */
    static Promise<Void> allOf(Promise<?>... promises) {
        return Promises.allOf(Arrays.asList(promises));
    }

    /** Completes like the first of {@code promises} to complete. */
    static <V> Promise<V> anyOf(Iterable<Promise<V>> promises) {
        return Promises.anyOf(promises);
    }

    /** Completes like the first of {@code promises} to complete. */
    static Promise<Object> anyOf(Promise<?>... promises) {
        return Promises.anyOf(Arrays.asList(promises));
    }
}
