package io.perdura.sdk.internal.worker;

import io.perdura.sdk.client.WorkflowServiceException;
import io.perdura.sdk.worker.PollerStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Long-poll loops for one kind of task: each poller takes a free execution slot, polls (an empty
 * answer means poll again), and hands the task to a virtual thread. When the server cannot be
 * reached it backs off exponentially. Shutdown stops polling and lets running tasks finish.
 */
public final class TaskPoller<T> {

    private static final Logger log = LoggerFactory.getLogger(TaskPoller.class);

    private final String name;
    private final String taskQueue;
    private final int pollers;
    private final int maxConcurrent;
    private final Semaphore slots;
    private final Supplier<CompletableFuture<T>> poll;
    private final Consumer<T> handler;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final List<Thread> threads = new ArrayList<>();
    private final Set<CompletableFuture<T>> inFlightPolls = ConcurrentHashMap.newKeySet();
    private final Set<Thread> running = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;
    private final PollHealth health = new PollHealth();

    /** Task slots free now. */
    public int availableSlots() {
        return slots.availablePermits();
    }

    public TaskPoller(
            String name,
            String taskQueue,
            int pollers,
            int maxConcurrent,
            Supplier<CompletableFuture<T>> poll,
            Consumer<T> handler,
            Duration initialBackoff,
            Duration maxBackoff) {
        this.name = name;
        this.taskQueue = taskQueue;
        this.pollers = pollers;
        this.maxConcurrent = maxConcurrent;
        this.slots = new Semaphore(maxConcurrent);
        this.poll = poll;
        this.handler = handler;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    public synchronized void start() {
        if (!threads.isEmpty() || stopped) {
            return;
        }
        for (int i = 0; i < pollers; i++) {
            Thread thread = Thread.ofVirtual().name(name + "-poller-" + i).unstarted(this::pollLoop);
            threads.add(thread);
            thread.start();
        }
    }

    /** Polls no more once the polls in flight return; they are neither aborted nor is a task they bring dropped. */
    public void stopPolling() {
        stopped = true;
    }

    /** Stops polling, aborting the polls in flight; running tasks go on. */
    public void shutdown() {
        stopped = true;
        inFlightPolls.forEach(f -> f.cancel(true));
        synchronized (this) {
            threads.forEach(Thread::interrupt);
        }
    }

    /** Stops polling and interrupts running tasks. */
    public void shutdownNow() {
        shutdown();
        running.forEach(Thread::interrupt);
    }

    /** Waits until the pollers ended and every running task finished; returns whether they did in time. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Thread> copy;
        synchronized (this) {
            copy = List.copyOf(threads);
        }
        for (Thread thread : copy) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0 || !thread.join(Duration.ofNanos(remaining))) {
                return false;
            }
        }
        long remaining = Math.max(0, deadline - System.nanoTime());
        if (!slots.tryAcquire(maxConcurrent, remaining, TimeUnit.NANOSECONDS)) {
            return false;
        }
        slots.release(maxConcurrent);
        return true;
    }

    /** What these pollers are doing now; a poll waiting longer than {@code acceptedAfter} reached the server. */
    public PollerStatus status(PollerStatus.TaskKind kind, Duration acceptedAfter) {
        return health.status(kind, pollers, maxConcurrent, maxConcurrent - slots.availablePermits(), acceptedAfter);
    }

    public boolean isStopped() {
        return stopped;
    }

    /**
     * Takes a free slot for a task that comes without a poll (eager execution); false when none is
     * free or polling stopped. Each reserved slot is then used by {@link #runReserved} or given back
     * by {@link #releaseReserved}.
     */
    public boolean tryReserve() {
        return !stopped && slots.tryAcquire();
    }

    /** Runs {@code task}, which came without a poll, in a slot {@link #tryReserve} took; the slot frees when it ends. */
    public void runReserved(T task) {
        Thread.ofVirtual().name(name + "-task").start(() -> runTask(task));
    }

    /** Gives back a slot {@link #tryReserve} took for a task that did not come. */
    public void releaseReserved() {
        slots.release();
    }

    private void pollLoop() {
        Duration backoff = initialBackoff;
        MDC.put("taskQueue", taskQueue);
        while (!stopped) {
            try {
                slots.acquire();
            } catch (InterruptedException e) {
                break;
            }
            boolean handedOver = false;
            try {
                T task = pollOnce();
                health.succeeded();
                backoff = initialBackoff;
                if (task != null) { // even when stopping: the server handed it to us
                    Thread.ofVirtual().name(name + "-task").start(() -> runTask(task));
                    handedOver = true;
                }
            } catch (CancellationException e) {
                // shutdown cancelled the poll
            } catch (WorkflowServiceException e) {
                if (stopped) {
                    break;
                }
                health.failed(e.getErrorType() + ": " + e.getMessage());
                log.warn("{}: poll failed ({}: {}); retrying in {}", name, e.getErrorType(), e.getMessage(), backoff);
                if (!sleep(backoff)) {
                    break;
                }
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            } catch (RuntimeException e) {
                health.failed(e.toString());
                log.error("{}: unexpected poll error; retrying in {}", name, backoff, e);
                if (!sleep(backoff)) {
                    break;
                }
            } finally {
                if (!handedOver) {
                    slots.release();
                }
            }
        }
        MDC.clear();
    }

    private T pollOnce() {
        health.polling();
        CompletableFuture<T> future = poll.get();
        inFlightPolls.add(future);
        try {
            if (stopped) {
                future.cancel(true);
            }
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        } finally {
            inFlightPolls.remove(future);
        }
    }

    private void runTask(T task) {
        running.add(Thread.currentThread());
        try {
            handler.accept(task);
        } catch (RuntimeException e) {
            log.error("{}: task handler failed", name, e);
        } finally {
            running.remove(Thread.currentThread());
            slots.release();
        }
    }

    private boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration);
            return !stopped;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
