package io.perdura.sdk.internal.replay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Runs the coroutines of one workflow run, each on its own virtual thread, exactly one at a time.
 * {@link #runUntilBlocked} resumes them in creation order, pass after pass, until none can make
 * progress; a coroutine gives control back only by blocking in {@link #await} or by finishing.
 * Callbacks ({@link #spawnCallback}: promise completions, cancellation requests) run before all
 * other coroutines at the start of the next pass, in the order they were spawned; one that no
 * workflow code can observe runs right there on the calling thread, the others each in a coroutine
 * of its own. The order is fixed, so the same history always drives the code the same way.
 */
public final class DeterministicScheduler {

    private final String name;
    private final Duration deadlockTimeout;
    private final Duration guardWindow;
    private final List<Coroutine> coroutines = new ArrayList<>();
    private final List<Callback> callbacks = new ArrayList<>();
    private final Semaphore yielded = new Semaphore(0);
    private boolean destroyed;
    private int spawned;

    public DeterministicScheduler(String name, Duration deadlockTimeout) {
        this(name, deadlockTimeout, null);
    }

    /**
     * A scheduler whose runtime guard (the sandbox's; {@code guardWindow} null: none) fails a coroutine
     * seen blocked outside the SDK in the same call twice, {@code guardWindow} and then half of it again
     * after it was resumed, with a {@link NonDeterministicCallException}.
     */
    public DeterministicScheduler(String name, Duration deadlockTimeout, Duration guardWindow) {
        this.name = name;
        this.deadlockTimeout = deadlockTimeout;
        this.guardWindow = guardWindow;
    }

    /** Creates a coroutine; it first runs in the next {@link #runUntilBlocked} pass. */
    public Coroutine spawn(String coroutineName, Runnable body) {
        if (destroyed) {
            throw new IllegalStateException("scheduler destroyed");
        }
        Coroutine c = new Coroutine(name + "/" + coroutineName + "#" + (++spawned), body);
        coroutines.add(c);
        return c;
    }

    /** A callback that runs before every other coroutine at the start of the next pass, in a coroutine of its own. */
    public void spawnCallback(String coroutineName, Runnable body) {
        spawnCallback(coroutineName, body, () -> false, null);
    }

    /**
     * A callback that runs before every other coroutine at the start of the next pass: {@code
     * inlineBody} on the calling thread if {@code inline} then answers true and no callback before it
     * needed a coroutine, else {@code body} in a coroutine of its own. {@code inline} must only answer
     * true when no workflow code could tell the difference.
     */
    public void spawnCallback(String coroutineName, Runnable body, BooleanSupplier inline, Runnable inlineBody) {
        if (destroyed) {
            throw new IllegalStateException("scheduler destroyed");
        }
        callbacks.add(new Callback(coroutineName, body, inline, inlineBody));
    }

    private record Callback(String name, Runnable body, BooleanSupplier inline, Runnable inlineBody) {}

    /** Runs the callbacks that can run inline, and puts the others, in order, before the other coroutines. */
    private void startCallbacks() {
        List<Coroutine> started = new ArrayList<>();
        for (Callback callback : List.copyOf(callbacks)) {
            callbacks.removeFirst();
            if (started.isEmpty() && callback.inline().getAsBoolean()) {
                callback.inlineBody().run();
            } else {
                started.add(new Coroutine(name + "/" + callback.name() + "#" + (++spawned), callback.body()));
            }
        }
        coroutines.addAll(0, started);
    }

    /**
     * Resumes runnable coroutines in order until every one is blocked or done, or {@code stop}
     * answers true. A coroutine that failed ends the loop with a {@link CoroutineFailedException}.
     */
    public void runUntilBlocked(BooleanSupplier stop) {
        boolean progress = true;
        while (progress && !stop.getAsBoolean()) {
            progress = false;
            if (!callbacks.isEmpty()) {
                startCallbacks();
                progress = true;
            }
            for (int i = 0; i < coroutines.size() && !stop.getAsBoolean(); i++) {
                Coroutine c = coroutines.get(i);
                if (c.isRunnable()) {
                    progress = true;
                    resume(c);
                    if (c.failure != null) {
                        Throwable failure = c.failure;
                        c.failure = null;
                        throw new CoroutineFailedException(c.name, failure);
                    }
                }
            }
            coroutines.removeIf(c -> c.done);
        }
    }

    /** Whether some coroutine is still alive (blocked). */
    public boolean hasLiveCoroutines() {
        return coroutines.stream().anyMatch(c -> !c.done);
    }

    public int liveCoroutineCount() {
        return (int) coroutines.stream().filter(c -> !c.done).count();
    }

    /** Unwinds every parked coroutine so that its virtual thread ends; the scheduler is then unusable. */
    public void destroy() {
        if (destroyed) {
            return;
        }
        destroyed = true;
        callbacks.clear();
        for (Coroutine c : coroutines) {
            if (!c.done && c.runaway && c.destroyRequested) {
                c.thread.interrupt(); // caught blocked by the guard: end the blocking call now that nobody reads the
                // run
            }
            if (!c.done && !c.runaway) {
                c.destroyRequested = true;
                if (c.thread != null) {
                    resume(c);
                } else {
                    c.done = true;
                }
            }
        }
        coroutines.clear();
    }

    public boolean isDestroyed() {
        return destroyed;
    }

    private void resume(Coroutine c) {
        if (c.thread == null) {
            c.thread = Thread.ofVirtual().name(c.name).unstarted(c::main);
            c.thread.start();
        }
        c.waitCondition = null;
        c.resume.release();
        boolean yieldedInTime;
        try {
            yieldedInTime = awaitYield(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            c.runaway = true;
            throw new PotentialDeadlockException(c.name + ": interrupted while waiting for the coroutine");
        }
        if (!yieldedInTime) {
            c.runaway = true;
            throw new PotentialDeadlockException("coroutine " + c.name + " did not block or finish within "
                    + deadlockTimeout + ": workflow code must not block except through Workflow methods");
        }
    }

    /** Waits for {@code c} to block or finish, watching it with the runtime guard if there is one. */
    private boolean awaitYield(Coroutine c) throws InterruptedException {
        if (guardWindow == null) {
            return yielded.tryAcquire(deadlockTimeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        long deadline = System.nanoTime() + deadlockTimeout.toNanos();
        long wait = guardWindow.toNanos();
        String blockedIn = null;
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            if (yielded.tryAcquire(Math.min(wait, left), TimeUnit.NANOSECONDS)) {
                return true;
            }
            String call = BlockedCalls.of(c.thread);
            if (call != null && call.equals(blockedIn)) {
                c.runaway = true;
                c.destroyRequested = true; // once the call returns, the next Workflow call unwinds the coroutine
                throw new NonDeterministicCallException(c.name, call);
            }
            blockedIn = call;
            wait = Math.max(1, guardWindow.toNanos() / 2);
        }
    }

    /** The coroutine running on the current thread, or null. */
    public static Coroutine current() {
        return Coroutine.CURRENT.get();
    }

    /** One workflow coroutine (the main method, a signal handler …). */
    public final class Coroutine {
        static final ThreadLocal<Coroutine> CURRENT = new ThreadLocal<>();

        private final String name;
        private final Runnable body;
        private final Semaphore resume = new Semaphore(0);
        private Thread thread;
        private volatile Supplier<Boolean> waitCondition;
        private volatile boolean done;
        private volatile boolean destroyRequested;
        private volatile boolean runaway;
        private volatile Throwable failure;

        private Coroutine(String name, Runnable body) {
            this.name = name;
            this.body = body;
        }

        private boolean isRunnable() {
            if (done) {
                return false;
            }
            Supplier<Boolean> condition = waitCondition;
            return thread == null || condition == null || Boolean.TRUE.equals(condition.get());
        }

        private void main() {
            CURRENT.set(this);
            try {
                resume.acquireUninterruptibly();
                if (destroyRequested) {
                    return;
                }
                body.run();
            } catch (DestroyCoroutineError e) {
                // unwound on destroy: nothing to report
            } catch (Throwable t) {
                failure = t;
            } finally {
                done = true;
                CURRENT.remove();
                yielded.release();
            }
        }

        /**
         * Blocks this coroutine until {@code condition} holds; other coroutines run meanwhile. Must be
         * called on this coroutine's own thread.
         */
        public void await(Supplier<Boolean> condition) {
            if (CURRENT.get() != this) {
                throw new IllegalStateException("await called outside its coroutine");
            }
            while (!Boolean.TRUE.equals(condition.get())) {
                if (destroyRequested) {
                    throw new DestroyCoroutineError();
                }
                waitCondition = condition;
                yielded.release();
                resume.acquireUninterruptibly();
                if (destroyRequested) {
                    throw new DestroyCoroutineError();
                }
            }
        }

        public String name() {
            return name;
        }

        public boolean isDone() {
            return done;
        }
    }

    /** Thrown into a parked coroutine to unwind it when its run is evicted; never caught by the SDK user. */
    static final class DestroyCoroutineError extends Error {
        DestroyCoroutineError() {
            super("workflow coroutine destroyed", null, false, false);
        }
    }

    /** A coroutine threw. */
    public static final class CoroutineFailedException extends RuntimeException {
        CoroutineFailedException(String coroutine, Throwable cause) {
            super("coroutine " + coroutine + " failed: " + cause, cause);
        }
    }

    /** A coroutine kept running without ever blocking through the scheduler. */
    public static final class PotentialDeadlockException extends RuntimeException {
        PotentialDeadlockException(String message) {
            super(message);
        }
    }
}
