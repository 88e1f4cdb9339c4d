package io.perdura.sdk.internal.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** A scheduler the test drives: delayed tasks run only when the test fires them. */
final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {

    /** One delayed task. */
    static final class Timer implements ScheduledFuture<Object> {
        final Runnable task;
        final Duration delay;
        private boolean cancelled;
        private boolean done;

        Timer(Runnable task, Duration delay) {
            this.task = task;
            this.delay = delay;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(delay.toNanos(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public synchronized boolean cancel(boolean mayInterruptIfRunning) {
            if (done) {
                return false;
            }
            cancelled = true;
            return true;
        }

        @Override
        public synchronized boolean isCancelled() {
            return cancelled;
        }

        @Override
        public synchronized boolean isDone() {
            return done || cancelled;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }

    private final List<Timer> timers = new ArrayList<>();
    private boolean shutdown;

    @Override
    public synchronized ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        Timer timer = new Timer(command, Duration.ofNanos(unit.toNanos(delay)));
        timers.add(timer);
        return timer;
    }

    /** The timers scheduled and neither fired nor cancelled. */
    synchronized List<Timer> pending() {
        return timers.stream().filter(t -> !t.isDone()).toList();
    }

    /** Fires the one pending timer (the interval ended) and returns its delay. */
    Duration fire() {
        Timer timer;
        synchronized (this) {
            List<Timer> pending = pending();
            if (pending.size() != 1) {
                throw new AssertionError("expected one pending timer, found " + pending.size());
            }
            timer = pending.getFirst();
            timer.done = true;
        }
        timer.task.run();
        return timer.delay;
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown();
        return List.of();
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public synchronized boolean isTerminated() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return isTerminated();
    }

    @Override
    public void execute(Runnable command) {
        throw new UnsupportedOperationException("only delayed tasks");
    }
}
