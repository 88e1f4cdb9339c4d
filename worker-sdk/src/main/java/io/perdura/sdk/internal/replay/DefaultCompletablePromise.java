package io.perdura.sdk.internal.replay;

import io.perdura.sdk.workflow.CompletablePromise;
import io.perdura.sdk.workflow.Functions;
import io.perdura.sdk.workflow.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The promise of workflow code. Completing it runs its callbacks at once, in the order they were
 * added, on the completing coroutine; history completes promises from callback coroutines ({@link
 * WorkflowRunContext#deliver}), so callbacks always run as workflow code.
 */
public final class DefaultCompletablePromise<V> implements CompletablePromise<V> {

    private V value;
    private RuntimeException failure;
    private boolean completed;
    private List<Runnable> handlers = new ArrayList<>();

    @Override
    public boolean isCompleted() {
        return completed;
    }

    @Override
    public V get() {
        if (!completed) {
            WorkflowInternal.current().awaitCompletion(this, false);
        }
        return outcome();
    }

    @Override
    public V cancellableGet() {
        if (!completed) {
            WorkflowInternal.current().awaitCompletion(this, true);
        }
        return outcome();
    }

    @Override
    public V get(long timeout, TimeUnit unit) throws TimeoutException {
        return get(Duration.of(timeout, unit.toChronoUnit()));
    }

    @Override
    public V get(Duration timeout) throws TimeoutException {
        if (!completed) {
            WorkflowInternal.current().awaitCompletion(this, timeout, false);
        }
        return outcome();
    }

    @Override
    public V cancellableGet(long timeout, TimeUnit unit) throws TimeoutException {
        if (!completed) {
            WorkflowInternal.current().awaitCompletion(this, Duration.of(timeout, unit.toChronoUnit()), true);
        }
        return outcome();
    }

    @Override
    public RuntimeException getFailure() {
        if (!completed) {
            WorkflowInternal.current().awaitCompletion(this, false);
        }
        return failure;
    }

    /** Whether completing it would run callbacks. */
    boolean hasCallbacks() {
        return handlers != null && !handlers.isEmpty();
    }

    private V outcome() {
        if (failure != null) {
            throw failure;
        }
        return value;
    }

    @Override
    public boolean complete(V value) {
        if (completed) {
            return false;
        }
        this.value = value;
        return completed();
    }

    @Override
    public boolean completeExceptionally(RuntimeException failure) {
        if (completed) {
            return false;
        }
        if (failure == null) {
            throw new IllegalArgumentException("failure must not be null");
        }
        this.failure = failure;
        return completed();
    }

    private boolean completed() {
        completed = true;
        List<Runnable> toRun = handlers;
        handlers = null;
        toRun.forEach(Runnable::run);
        return true;
    }

    @Override
    public boolean completeFrom(Promise<V> source) {
        if (completed) {
            return false;
        }
        source.handle((v, f) -> f != null ? completeExceptionally(f) : complete(v));
        return true;
    }

    @Override
    public <U> Promise<U> thenApply(Functions.Func1<? super V, ? extends U> fn) {
        return then(result -> {
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(fn.apply(value));
            }
        });
    }

    @Override
    public <U> Promise<U> handle(Functions.Func2<? super V, RuntimeException, ? extends U> fn) {
        return then(result -> result.complete(fn.apply(value, failure)));
    }

    @Override
    public <U> Promise<U> thenCompose(Functions.Func1<? super V, ? extends Promise<U>> fn) {
        return then(result -> {
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.completeFrom(fn.apply(value));
            }
        });
    }

    @Override
    public Promise<V> exceptionally(Functions.Func1<Throwable, ? extends V> fn) {
        return then(result -> result.complete(failure == null ? value : fn.apply(failure)));
    }

    /** A promise {@code step} completes once this one is; what {@code step} throws fails it. */
    private <U> Promise<U> then(Consumer<DefaultCompletablePromise<U>> step) {
        DefaultCompletablePromise<U> result = new DefaultCompletablePromise<>();
        Runnable handler = () -> {
            try {
                step.accept(result);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        };
        if (completed) {
            handler.run();
        } else {
            handlers.add(handler);
        }
        return result;
    }

    @Override
    public String toString() {
        return completed
                ? (failure != null ? "Promise[failed: " + failure + "]" : "Promise[" + value + "]")
                : "Promise[pending]";
    }
}
