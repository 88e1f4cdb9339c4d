package io.perdura.history.queue;

import io.perdura.history.persistence.TaskStore;
import io.perdura.history.persistence.TimerTask;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires durable timers on time. Rows due within the look-ahead window are loaded from the database
 * (on start and every load interval) and timers committed meanwhile are added as they commit; one
 * thread sleeps until the earliest is due and hands it to one of a few platform threads that fires it
 * through the engine. A timer whose firing fails stays in the database and is loaded again. Timers follow shard
 * ownership: a shard just acquired has its rows loaded at once ({@link #loadNow}), a shard released
 * has its timers dropped from memory ({@link #drop}); its next owner fires them.
 */
public final class TimerQueue {

    private static final Logger log = LoggerFactory.getLogger(TimerQueue.class);

    /** Timers fired at once; more would only wait for the database's connections. */
    private static final int FIRING_THREADS = 8;

    private final TaskStore store;
    private final Supplier<Collection<Integer>> shards;
    private final Duration lookahead;
    private final Duration loadInterval;
    private final int batchSize;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final PriorityQueue<TimerTask> queue =
            new PriorityQueue<>(Comparator.comparingLong(TimerTask::fireTime).thenComparingLong(TimerTask::taskId));
    private final Set<TimerId> known = ConcurrentHashMap.newKeySet();
    private final Set<TimerId> cancelled = ConcurrentHashMap.newKeySet();
    private volatile long horizon;
    private volatile boolean running;
    private volatile boolean loadRequested;
    private volatile long nextLoad;
    private Thread thread;
    private ExecutorService firingExecutor;
    private TimerFiring firing;

    public TimerQueue(
            TaskStore store,
            Supplier<Collection<Integer>> shards,
            Duration lookahead,
            Duration loadInterval,
            int batchSize) {
        this(store, shards, lookahead, loadInterval, batchSize, Clock.systemUTC());
    }

    /**
     * @param clock the time timers are due by; a test server's clock may jump forward, and then
     *     calls {@link #loadNow} so the timers it skipped to fire at once
     */
    public TimerQueue(
            TaskStore store,
            Supplier<Collection<Integer>> shards,
            Duration lookahead,
            Duration loadInterval,
            int batchSize,
            Clock clock) {
        this.store = store;
        this.shards = shards;
        this.lookahead = lookahead;
        this.loadInterval = loadInterval;
        this.batchSize = batchSize;
        this.clock = clock;
    }

    public void start(TimerFiring firing) {
        this.firing = firing;
        // platform threads of their own: a due timer is not queued behind the virtual threads of
        // every request the server is serving (ADR 32)
        this.firingExecutor = Executors.newFixedThreadPool(
                FIRING_THREADS,
                Thread.ofPlatform()
                        .daemon()
                        .name("perdura-history-timer-fire-", 0)
                        .factory());
        this.running = true;
        this.nextLoad = 0;
        this.thread =
                Thread.ofPlatform().daemon().name("perdura-history-timers").start(this::run);
    }

    public void stop() {
        running = false;
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (thread != null) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (firingExecutor != null) {
            firingExecutor.shutdown();
            try {
                firingExecutor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        lock.lock();
        try {
            queue.clear();
            known.clear();
            cancelled.clear();
        } finally {
            lock.unlock();
        }
    }

    /** Timers just committed: kept in memory when due within the loaded window. */
    public void schedule(List<TimerTask> tasks) {
        if (tasks.isEmpty() || !running) {
            return;
        }
        lock.lock();
        try {
            boolean added = false;
            for (TimerTask task : tasks) {
                if (task.fireTime() < horizon && known.add(id(task))) {
                    queue.add(task);
                    added = true;
                }
            }
            if (added) {
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Timer rows a transaction deleted (a completed task's timeout, a finished activity's
     * start-to-close timer): dropped from memory without a firing when they come due.
     */
    public void cancel(int shardId, List<Long> taskIds) {
        for (long taskId : taskIds) {
            TimerId id = new TimerId(shardId, taskId);
            if (known.contains(id)) {
                cancelled.add(id);
            }
        }
    }

    /** Loads the due rows of every owned shard now rather than at the next load interval. */
    public void loadNow() {
        lock.lock();
        try {
            loadRequested = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Forgets the in-memory timers of shards this process no longer owns; their rows stay. */
    public void drop(Set<Integer> shardIds) {
        lock.lock();
        try {
            queue.removeIf(task -> shardIds.contains(task.shardId()));
            known.removeIf(id -> shardIds.contains(id.shardId()));
            cancelled.removeIf(id -> shardIds.contains(id.shardId()));
        } finally {
            lock.unlock();
        }
    }

    /** How many timers are held in memory. */
    public int size() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (running) {
            try {
                if (loadRequested || clock.millis() >= nextLoad) {
                    loadRequested = false;
                    load();
                }
                fireDue();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.error("timer queue iteration failed", e);
                nextLoad = clock.millis() + 1000;
            }
        }
    }

    private void load() {
        long now = clock.millis();
        long windowEnd = now + lookahead.toMillis();
        horizon = windowEnd;
        List<TimerTask> loaded = store.loadTimerTasks(shards.get(), windowEnd, batchSize);
        if (loaded.size() >= batchSize) {
            horizon = loaded.getLast().fireTime();
        }
        lock.lock();
        try {
            // a shard released while its rows were read is dropped here, under the lock drop() takes
            Set<Integer> owned = Set.copyOf(shards.get());
            for (TimerTask task : loaded) {
                if (owned.contains(task.shardId()) && known.add(id(task))) {
                    queue.add(task);
                }
            }
        } finally {
            lock.unlock();
        }
        long interval = loaded.size() >= batchSize ? 0 : loadInterval.toMillis();
        nextLoad = clock.millis() + interval;
    }

    private void fireDue() throws InterruptedException {
        lock.lock();
        try {
            while (running) {
                long now = clock.millis();
                TimerTask head = queue.peek();
                if (head != null && head.fireTime() <= now) {
                    queue.poll();
                    if (cancelled.remove(id(head))) {
                        known.remove(id(head));
                    } else {
                        firingExecutor.execute(() -> fire(head));
                    }
                    continue;
                }
                if (loadRequested) {
                    return;
                }
                long wait = nextLoad - now;
                if (head != null) {
                    wait = Math.min(wait, head.fireTime() - now);
                }
                if (wait <= 0) {
                    return;
                }
                changed.await(wait, TimeUnit.MILLISECONDS);
            }
        } finally {
            lock.unlock();
        }
    }

    private void fire(TimerTask task) {
        try {
            firing.fire(task);
        } catch (RuntimeException e) {
            log.warn(
                    "firing timer {} {} of {} failed; it is retried from the database: {}",
                    task.type(),
                    task.taskId(),
                    task.execution(),
                    e.getMessage());
        } finally {
            cancelled.remove(id(task));
            known.remove(id(task));
        }
    }

    private static TimerId id(TimerTask task) {
        return new TimerId(task.shardId(), task.taskId());
    }

    private record TimerId(int shardId, long taskId) {}
}
