package io.perdura.testing;

import io.perdura.history.persistence.OutstandingWorkProbe;
import io.perdura.history.persistence.OutstandingWorkProbe.OutstandingWork;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides when the test server's clock jumps (ADR 0024). Time is <em>locked</em> unless someone
 * waits on it: a client waiting for a workflow's result, or {@link #sleep}. While unlocked, with no
 * request in flight at the frontend (long polls aside) and history quiet ({@link
 * OutstandingWorkProbe}: no task or activity scheduled or started, no outbox row, no timer due), the
 * clock jumps to the earliest of: the next timer row, the next delayed callback, the end of the
 * shortest {@code sleep}; then the timer queue is told to load, so the timer fires at once. The
 * timer being due makes history busy again until its firing commits and the workflow reacted, so
 * timers fire one after another with the workflows running between them.
 */
final class TimeSkipper implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TimeSkipper.class);
    private static final long PROBE_INTERVAL_MILLIS = 5;

    private final TestClock clock;
    private final boolean skipping;
    private final Object monitor = new Object();
    private final TreeMap<Long, Integer> sleepDeadlines = new TreeMap<>();
    private final PriorityQueue<DelayedCallback> callbacks = new PriorityQueue<>(
            Comparator.comparingLong(DelayedCallback::dueMillis).thenComparingLong(DelayedCallback::sequence));
    private int requestsInFlight;
    private int unlocks;
    private long callbackSequence;
    private volatile boolean running;
    private OutstandingWorkProbe probe;
    private Runnable timersChanged;
    private Thread thread;

    TimeSkipper(TestClock clock, boolean skipping) {
        this.clock = clock;
        this.skipping = skipping;
    }

    TestClock clock() {
        return clock;
    }

    boolean isSkipping() {
        return skipping;
    }

    /**
     * Starts watching the server.
     *
     * @param timersChanged wakes the timer queue after a jump (loads the rows now due)
     */
    void start(OutstandingWorkProbe probe, Runnable timersChanged) {
        this.probe = probe;
        this.timersChanged = timersChanged;
        this.running = true;
        this.thread =
                Thread.ofPlatform().daemon().name("perdura-test-time-skipper").start(this::run);
    }

    /** A frontend request began: no jump until it ends. */
    void requestStarted() {
        synchronized (monitor) {
            requestsInFlight++;
        }
    }

    void requestEnded() {
        synchronized (monitor) {
            requestsInFlight--;
            monitor.notifyAll();
        }
    }

    /** A client began waiting for a result: time may skip while it waits. */
    void unlock() {
        synchronized (monitor) {
            unlocks++;
            monitor.notifyAll();
        }
    }

    void lock() {
        synchronized (monitor) {
            unlocks--;
        }
    }

    /**
     * Returns once the clock moved {@code duration} forward: at once through skips while history is
     * quiet (firing the timers on the way), at the speed of real time while work is in progress, and
     * in real time only when skipping is off.
     */
    void sleep(Duration duration) throws InterruptedException {
        if (!skipping) {
            Thread.sleep(duration);
            return;
        }
        long deadline = clock.millis() + duration.toMillis();
        synchronized (monitor) {
            sleepDeadlines.merge(deadline, 1, Integer::sum);
            unlocks++;
            monitor.notifyAll();
            try {
                long left;
                while ((left = deadline - clock.millis()) > 0) {
                    monitor.wait(Math.min(left, PROBE_INTERVAL_MILLIS * 2));
                }
            } finally {
                unlocks--;
                sleepDeadlines.computeIfPresent(deadline, (k, n) -> n == 1 ? null : n - 1);
            }
        }
    }

    /** Runs {@code callback} once the clock has moved {@code delay} forward (a skip target like a timer). */
    void registerDelayedCallback(Duration delay, Runnable callback) {
        synchronized (monitor) {
            callbacks.add(new DelayedCallback(clock.millis() + delay.toMillis(), callbackSequence++, callback));
            monitor.notifyAll();
        }
    }

    private void run() {
        while (running) {
            try {
                synchronized (monitor) {
                    monitor.wait(PROBE_INTERVAL_MILLIS);
                }
                runDueCallbacks();
                if (skipping) {
                    skipIfQuiet();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("time skipping check failed: {}", e.toString());
                }
            }
        }
    }

    private void skipIfQuiet() {
        synchronized (monitor) {
            if (unlocks == 0 || requestsInFlight > 0) {
                return;
            }
        }
        long now = clock.millis();
        OutstandingWork work = probe.read(now);
        if (work.busy()) {
            return;
        }
        synchronized (monitor) {
            if (unlocks == 0 || requestsInFlight > 0) {
                return;
            }
            long target = Long.MAX_VALUE;
            if (work.nextTimerMillis().isPresent()) {
                target = work.nextTimerMillis().getAsLong();
            }
            if (!callbacks.isEmpty()) {
                target = Math.min(target, callbacks.peek().dueMillis());
            }
            if (!sleepDeadlines.isEmpty()) {
                target = Math.min(target, sleepDeadlines.firstKey());
            }
            if (target == Long.MAX_VALUE || target <= now) {
                return;
            }
            clock.advanceTo(target);
            monitor.notifyAll();
        }
        timersChanged.run();
    }

    private void runDueCallbacks() {
        List<DelayedCallback> due = new ArrayList<>();
        synchronized (monitor) {
            long now = clock.millis();
            while (!callbacks.isEmpty() && callbacks.peek().dueMillis() <= now) {
                due.add(callbacks.poll());
            }
        }
        for (DelayedCallback callback : due) {
            try {
                callback.action().run();
            } catch (RuntimeException e) {
                log.warn("a delayed callback of the test environment failed", e);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private record DelayedCallback(long dueMillis, long sequence, Runnable action) {}
}
