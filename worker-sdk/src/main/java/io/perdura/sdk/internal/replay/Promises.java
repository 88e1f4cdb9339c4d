package io.perdura.sdk.internal.replay;

import io.perdura.sdk.workflow.Promise;

/** Combinators behind {@link Promise#allOf} and {@link Promise#anyOf}, and ready-made promises. */
public final class Promises {

    private Promises() {}

    public static <V> Promise<V> completed(V value) {
        DefaultCompletablePromise<V> promise = new DefaultCompletablePromise<>();
        promise.complete(value);
        return promise;
    }

    public static <V> Promise<V> failed(RuntimeException failure) {
        DefaultCompletablePromise<V> promise = new DefaultCompletablePromise<>();
        promise.completeExceptionally(failure);
        return promise;
    }

    /** Completes when every promise completed, or fails at once with the first failure. */
    public static Promise<Void> allOf(Iterable<? extends Promise<?>> promises) {
        DefaultCompletablePromise<Void> all = new DefaultCompletablePromise<>();
        int[] pending = {1};
        for (Promise<?> promise : promises) {
            pending[0]++;
            promise.handle((v, f) -> {
                if (f != null) {
                    all.completeExceptionally(f);
                } else if (--pending[0] == 0) {
                    all.complete(null);
                }
                return null;
            });
        }
        if (--pending[0] == 0) {
            all.complete(null);
        }
        return all;
    }

    /** Completes like the first of {@code promises} to complete. */
    @SuppressWarnings("unchecked")
    public static <V> Promise<V> anyOf(Iterable<? extends Promise<? extends V>> promises) {
        DefaultCompletablePromise<V> any = new DefaultCompletablePromise<>();
        for (Promise<? extends V> promise : promises) {
            any.completeFrom((Promise<V>) promise);
        }
        return any;
    }
}
