package io.perdura.sdk.internal.replay;

import io.perdura.sdk.failure.CanceledFailure;
import io.perdura.sdk.workflow.CancellationScope;
import io.perdura.sdk.workflow.Promise;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A cancellation scope. Each coroutine runs in a stack of scopes (its root scope, then the scopes
 * whose {@link #run()} it is in); cancellation goes from a scope to its non-detached children first,
 * then to the {@link Cancellable}s registered in it, in the order they were created, so that the
 * commands it produces are the same on every replay.
 */
public final class DefaultCancellationScope implements CancellationScope {

    private static final ThreadLocal<Deque<DefaultCancellationScope>> STACK = ThreadLocal.withInitial(ArrayDeque::new);

    private final DefaultCancellationScope parent;
    private final boolean detached;
    private final Runnable body;
    private final Set<DefaultCancellationScope> children = new LinkedHashSet<>();
    private final Set<Cancellable> cancellables = new LinkedHashSet<>();
    private boolean cancelRequested;
    private String reason;
    private DefaultCompletablePromise<String> cancellationRequest;
    private int running;

    private DefaultCancellationScope(DefaultCancellationScope parent, boolean detached, Runnable body) {
        this.parent = detached ? null : parent;
        this.detached = detached || parent == null;
        this.body = body;
        if (this.parent != null) {
            this.parent.children.add(this);
            if (this.parent.cancelRequested) {
                cancel(this.parent.reason);
            }
        }
    }

    /** A scope with no parent, e.g. the scope of a whole run. */
    static DefaultCancellationScope root() {
        return new DefaultCancellationScope(null, true, null);
    }

    /** A non-detached child of {@code parent} that runs no code of its own (a coroutine's root scope …). */
    static DefaultCancellationScope childOf(DefaultCancellationScope parent) {
        return new DefaultCancellationScope(parent, false, null);
    }

    /** A scope for {@code body}, a child of the current scope unless detached. */
    public static DefaultCancellationScope newScope(boolean detached, Runnable body) {
        return new DefaultCancellationScope(detached ? null : current(), detached, body);
    }

    /** The current scope of the calling coroutine. */
    public static DefaultCancellationScope current() {
        DefaultCancellationScope scope = STACK.get().peek();
        if (scope == null) {
            throw new IllegalStateException(
                    "there is no cancellation scope here: only workflow methods, signal and update handlers have one");
        }
        return scope;
    }

    /** Runs {@code action} on the calling thread with {@code scope} as the current scope. */
    static void runIn(DefaultCancellationScope scope, Runnable action) {
        scope.attach();
        Deque<DefaultCancellationScope> stack = STACK.get();
        stack.push(scope);
        scope.running++;
        try {
            action.run();
        } finally {
            scope.running--;
            stack.pop();
            scope.forgetIfUnused();
        }
    }

    @Override
    public void run() {
        if (body == null) {
            throw new IllegalStateException("this scope has no code to run");
        }
        runIn(this, body);
    }

    @Override
    public boolean isDetached() {
        return detached;
    }

    @Override
    public void cancel() {
        cancel(null);
    }

    @Override
    public void cancel(String reason) {
        if (cancelRequested) {
            return;
        }
        cancelRequested = true;
        this.reason = reason;
        for (DefaultCancellationScope child : List.copyOf(children)) {
            child.cancel(reason);
        }
        for (Cancellable cancellable : List.copyOf(cancellables)) {
            cancellable.cancel(reason);
        }
        if (cancellationRequest != null) {
            cancellationRequest.complete(reason);
        }
    }

    @Override
    public String getCancellationReason() {
        return reason;
    }

    @Override
    public boolean isCancelRequested() {
        return cancelRequested;
    }

    @Override
    public Promise<String> getCancellationRequest() {
        if (cancellationRequest == null) {
            cancellationRequest = new DefaultCompletablePromise<>();
            if (cancelRequested) {
                cancellationRequest.complete(reason);
            }
        }
        return cancellationRequest;
    }

    /** The failure a blocking call in this (canceled) scope throws. */
    CanceledFailure canceledFailure() {
        return new CanceledFailure(reason == null ? "canceled" : reason);
    }

    /** Makes {@code cancellable} reached by this scope's cancellation; at once if the scope is canceled already. */
    public void register(Cancellable cancellable) {
        if (cancelRequested) {
            cancellable.cancel(reason);
        } else {
            cancellables.add(cancellable);
        }
    }

    /** {@code cancellable} is resolved: this scope no longer needs to reach it. */
    public void unregister(Cancellable cancellable) {
        if (cancellables.remove(cancellable)) {
            forgetIfUnused();
        }
    }

    /** Rejoins the parent that {@link #forgetIfUnused} left, when the scope runs again. */
    private void attach() {
        if (parent != null && parent.children.add(this) && parent.cancelRequested) {
            cancel(parent.reason);
        }
    }

    /** A scope that runs no code and holds nothing is dropped by its parent, so long-running workflows don't pile them up. */
    private void forgetIfUnused() {
        if (parent != null
                && running == 0
                && children.isEmpty()
                && cancellables.isEmpty()
                && cancellationRequest == null
                && parent.children.remove(this)) {
            parent.forgetIfUnused();
        }
    }
}
