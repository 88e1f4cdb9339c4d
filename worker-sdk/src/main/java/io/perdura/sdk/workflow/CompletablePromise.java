package io.perdura.sdk.workflow;

/** A {@link Promise} that workflow code completes itself ({@link Workflow#newPromise()}). */
public interface CompletablePromise<V> extends Promise<V> {

    /** Completes with {@code value}; false if the promise was completed already. */
    boolean complete(V value);

    /** Completes with {@code failure}; false if the promise was completed already. */
    boolean completeExceptionally(RuntimeException failure);

    /** Completes like {@code source} once it completes; false if this promise was completed already. */
    boolean completeFrom(Promise<V> source);
}
