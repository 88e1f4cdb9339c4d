package io.perdura.matching.taskqueue;

import io.perdura.common.error.PerduraException;
import io.perdura.matching.persistence.BacklogTask;
import io.perdura.matching.persistence.ScheduledTask;
import io.perdura.matching.persistence.TaskBacklogStore;
import io.perdura.matching.persistence.TaskQueueKey;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One task queue: its waiting long polls, its pending queries and an in-memory window over its
 * durable backlog. A task added while a poller waits goes straight to that poller (sync match,
 * nothing written); otherwise it waits in memory, unacknowledged, for up to the sync-match wait
 * for a poller, and is then stored and acknowledged. Pollers take queries first, then stored
 * tasks (oldest first), then held ones. The window holds about one read batch of the oldest stored
 * tasks, refilled from the store in id order (FIFO).
 *
 * <p>Waiting pollers are served newest first. A live worker polls again right after each task, so
 * its polls are the newest; the oldest waiting polls are the likeliest to belong to a worker that
 * died (killed with {@code kill -9}, it could not cancel them) and whose answer nobody would read.
 *
 * <p>A queue ends in one of two ways. {@link #close()} (matching stops) answers waiting polls with
 * no task and fails what it holds; {@link #release()} (its partition moved to another replica)
 * answers waiting polls with no task too but stores its held tasks first. Either way no task is
 * written to the backlog once the returned future completes, and only tasks stored or started are
 * acknowledged. A released queue refuses further use ({@link #add} and {@link #poll} return null),
 * so that the engine serves the request on a fresh queue, which reads the backlog again.
 *
 * <p>Thread-safe; the lock is held only for in-memory bookkeeping, never across a call to history
 * or the store, so no caller thread (a message-bus partition) is ever blocked.
 */
final class TaskQueue {

    private static final Logger log = LoggerFactory.getLogger(TaskQueue.class);

    private final TaskQueueKey key;
    private final TaskStarter starter;
    private final TaskBacklogStore store;
    private final MatchingRuntime runtime;

    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Poller> pollers = new ArrayDeque<>();
    private final ArrayDeque<PendingQuery> queries = new ArrayDeque<>();
    /** New tasks waiting briefly for a poller before they are stored, oldest first. */
    private final ArrayDeque<HeldTask> held = new ArrayDeque<>();

    private final BacklogWindow window;
    /** Adds not acknowledged yet, so that a repeated add shares the first one's outcome. */
    private final Map<ScheduledTask, CompletableFuture<Void>> adding = new HashMap<>();

    private boolean closed;
    private boolean released;
    /** Whether a timer will dispatch again when the backlog is due to be read from its start. */
    private boolean rescanScheduled;
    /** Backlog inserts started and not finished yet. */
    private int storing;
    /** Completes once the queue is closed and no backlog insert of it is running any more. */
    private final CompletableFuture<Void> settled = new CompletableFuture<>();
    /** When a task, poll or query last came; guarded by {@link #lock}. */
    private long lastUsedNanos = System.nanoTime();

    TaskQueue(TaskQueueKey key, TaskStarter starter, TaskBacklogStore store, MatchingRuntime runtime) {
        this.key = key;
        this.starter = starter;
        this.store = store;
        this.runtime = runtime;
        this.window = new BacklogWindow(runtime.readBatchSize(), runtime.rescanInterval(), System::nanoTime);
    }

    TaskQueueKey key() {
        return key;
    }

    /**
     * Completes once the task is recorded started for a poller, or durable in the backlog; null
     * when the queue has been released (use a fresh one).
     */
    CompletableFuture<Void> add(ScheduledTask task) {
        Poller poller;
        CompletableFuture<Void> acknowledged;
        HeldTask hold = null;
        lock.lock();
        try {
            if (closed) {
                return released ? null : CompletableFuture.failedFuture(MatchingErrors.stopping());
            }
            lastUsedNanos = System.nanoTime();
            CompletableFuture<Void> earlier = adding.get(task);
            if (earlier != null) {
                runtime.metrics().taskAdded(key, "duplicate");
                return earlier.copy();
            }
            acknowledged = new CompletableFuture<>();
            adding.put(task, acknowledged);
            poller = nextWaitingPoller();
            if (poller == null && runtime.syncMatchWait().isPositive()) {
                hold = new HeldTask(task, acknowledged);
                held.addLast(hold);
            }
        } finally {
            lock.unlock();
        }
        if (poller != null) {
            syncMatch(task, acknowledged, poller);
        } else if (hold != null) {
            hold(hold);
        } else {
            persist(task, acknowledged);
        }
        return acknowledged;
    }

    private void hold(HeldTask hold) {
        try {
            hold.timeout(runtime.timer()
                    .schedule(() -> waitEnded(hold), runtime.syncMatchWait().toNanos(), TimeUnit.NANOSECONDS));
        } catch (RuntimeException e) {
            waitEnded(hold);
        }
    }

    /** The sync-match wait of a held task ended with no poller: store it. */
    private void waitEnded(HeldTask hold) {
        boolean waiting;
        lock.lock();
        try {
            waiting = held.remove(hold);
        } finally {
            lock.unlock();
        }
        if (waiting) {
            hold.take();
            persist(hold.task(), hold.acknowledged());
        }
    }

    /**
     * Completes with a task, a query task, or null once {@code timeout} has elapsed; null itself
     * when the queue has been released (use a fresh one).
     */
    CompletableFuture<Object> poll(String pollRequestId, String identity, Duration timeout) {
        Poller poller = new Poller(pollRequestId, identity, System.nanoTime() + timeout.toNanos());
        lock.lock();
        try {
            if (closed) {
                return released ? null : CompletableFuture.completedFuture(null);
            }
            lastUsedNanos = System.nanoTime();
            pollers.addFirst(poller); // newest first, see the class comment
        } finally {
            lock.unlock();
        }
        try {
            poller.timeout(runtime.timer().schedule(() -> expire(poller), timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (RuntimeException e) {
            expire(poller);
        }
        dispatch();
        return poller.result();
    }

    /** Queues a query task (its history fetched) for the next poller; queries go before tasks. */
    void addQuery(PendingQuery query) {
        lock.lock();
        try {
            if (closed) {
                query.fail(closedError());
                return;
            }
            lastUsedNanos = System.nanoTime();
            queries.addLast(query);
        } finally {
            lock.unlock();
        }
        dispatch();
    }

    void removeQuery(PendingQuery query) {
        lock.lock();
        try {
            queries.remove(query);
        } finally {
            lock.unlock();
        }
    }

    /** How many queries wait for a poller. */
    int waitingQueries() {
        lock.lock();
        try {
            return (int) queries.stream().filter(query -> !query.isDone()).count();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether the queue has been unused for {@code idleNanos} up to {@code now} and holds nothing in
     * memory: no waiting poll or query, no task held, being added or being stored. Its backlog, if
     * any, is in the database, where a fresh queue reads it.
     */
    boolean isIdle(long now, long idleNanos) {
        lock.lock();
        try {
            return !closed
                    && now - lastUsedNanos >= idleNanos
                    && pollers.isEmpty()
                    && queries.isEmpty()
                    && held.isEmpty()
                    && adding.isEmpty()
                    && storing == 0;
        } finally {
            lock.unlock();
        }
    }

    /** Starts reading the stored backlog if it has not been read yet. */
    void prefetch() {
        dispatch();
    }

    /**
     * Matching stops: answers every waiting poll with no task, fails every waiting query and held
     * task (history sends those again). Completes once no backlog insert of this queue runs.
     */
    CompletableFuture<Void> close() {
        return end(false);
    }

    /**
     * The queue's partition moved to another replica: answers every waiting poll with no task (its
     * caller polls again and reaches the new owner), fails every waiting query, and stores the held
     * tasks. Completes once every task this queue was storing is in the backlog or failed to its
     * sender, so that the new owner, reading the backlog after that, finds every acknowledged task.
     */
    CompletableFuture<Void> release() {
        return end(true);
    }

    private CompletableFuture<Void> end(boolean release) {
        List<Poller> waiting;
        List<PendingQuery> waitingQueries;
        List<HeldTask> unstored;
        boolean idle;
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                released = release;
            }
            waiting = new ArrayList<>(pollers);
            waitingQueries = new ArrayList<>(queries);
            unstored = new ArrayList<>(held);
            pollers.clear();
            queries.clear();
            held.clear();
            if (released) {
                storing += unstored.size();
            } else {
                unstored.forEach(hold -> adding.remove(hold.task(), hold.acknowledged()));
            }
            idle = storing == 0;
        } finally {
            lock.unlock();
        }
        if (idle) {
            settled.complete(null);
        }
        waiting.forEach(poller -> poller.complete(null));
        PerduraException error = closedError();
        waitingQueries.forEach(query -> query.fail(error));
        for (HeldTask hold : unstored) {
            hold.take();
            if (released) {
                store(hold.task(), hold.acknowledged());
            } else {
                // not acknowledged: history sends them again
                hold.acknowledged().completeExceptionally(error);
            }
        }
        return settled;
    }

    /** Why a closed queue refuses a task or a query. */
    private PerduraException closedError() {
        return released ? MatchingErrors.moved(key) : MatchingErrors.stopping();
    }

    private void syncMatch(ScheduledTask task, CompletableFuture<Void> acknowledged, Poller poller) {
        start(task, poller).whenComplete((started, error) -> {
            if (error == null) {
                poller.complete(started);
                acknowledge(task, acknowledged);
                runtime.metrics().taskAdded(key, "sync-match");
            } else if (MatchingErrors.isStale(error)) {
                acknowledge(task, acknowledged);
                runtime.metrics().taskAdded(key, "stale");
                offer(poller);
            } else {
                MatchingErrors.warn(
                        log, key, "could not record a task started, storing it in the backlog instead", task, error);
                persist(task, acknowledged);
                offer(poller);
            }
        });
    }

    /** Stores a task in the backlog, or fails it to its sender once the queue is closed. */
    private void persist(ScheduledTask task, CompletableFuture<Void> acknowledged) {
        boolean refused;
        lock.lock();
        try {
            refused = closed;
            if (refused) {
                adding.remove(task, acknowledged);
            } else {
                storing++;
            }
        } finally {
            lock.unlock();
        }
        if (refused) {
            // a closed queue writes nothing more: its backlog may already be another replica's
            acknowledged.completeExceptionally(closedError());
        } else {
            store(task, acknowledged);
        }
    }

    /** Inserts a task already counted in {@link #storing}; acknowledges it once committed. */
    private void store(ScheduledTask task, CompletableFuture<Void> acknowledged) {
        runtime.writer().insert(key, task).whenComplete((id, error) -> {
            if (error != null) {
                MatchingErrors.warn(log, key, "could not store a task in the backlog", task, error);
                lock.lock();
                try {
                    adding.remove(task, acknowledged);
                } finally {
                    lock.unlock();
                }
                acknowledged.completeExceptionally(
                        MatchingErrors.unavailable("could not store the task: " + error.getMessage()));
            } else {
                stored(task, acknowledged, id);
                acknowledged.complete(null);
                runtime.metrics().taskAdded(key, id.isPresent() ? "backlog" : "duplicate");
            }
            storeDone();
            if (error == null) {
                dispatch();
            }
        });
    }

    private void storeDone() {
        boolean idle;
        lock.lock();
        try {
            storing--;
            idle = closed && storing == 0;
        } finally {
            lock.unlock();
        }
        if (idle) {
            settled.complete(null);
        }
    }

    private void stored(ScheduledTask task, CompletableFuture<Void> acknowledged, OptionalLong id) {
        lock.lock();
        try {
            adding.remove(task, acknowledged);
            if (id.isPresent()) {
                window.stored(new BacklogTask(id.getAsLong(), task));
            }
        } finally {
            lock.unlock();
        }
    }

    /** Hands queries, then stored tasks, to waiting pollers, and refills the window when empty. */
    private void dispatch() {
        List<Runnable> actions = new ArrayList<>(2);
        lock.lock();
        try {
            while (!pollers.isEmpty()) {
                Poller poller = pollers.peekFirst();
                if (poller.isDone()) {
                    pollers.pollFirst();
                    continue;
                }
                PendingQuery query = nextQuery();
                if (query != null) {
                    pollers.pollFirst();
                    actions.add(() -> deliverQuery(query, poller));
                    continue;
                }
                BacklogTask row = window.takeOldest();
                if (row != null) {
                    pollers.pollFirst();
                    actions.add(() -> matchStored(row, poller));
                    continue;
                }
                HeldTask hold = held.pollFirst();
                if (hold == null) {
                    break;
                }
                pollers.pollFirst();
                hold.take();
                actions.add(() -> syncMatch(hold.task(), hold.acknowledged(), poller));
            }
            OptionalLong readAfter = closed ? OptionalLong.empty() : window.startRead();
            if (readAfter.isPresent()) {
                actions.add(() -> readBacklog(readAfter.getAsLong()));
            } else if (!closed && !pollers.isEmpty() && !rescanScheduled) {
                // pollers wait with nothing to take: look in the backlog again once a rescan is due
                long rescanIn = window.nanosUntilRescan();
                if (rescanIn >= 0) {
                    rescanScheduled = true;
                    actions.add(() -> runtime.afterNanos(rescanIn, this::rescan));
                }
            }
        } finally {
            lock.unlock();
        }
        actions.forEach(Runnable::run);
    }

    private void rescan() {
        lock.lock();
        try {
            rescanScheduled = false;
        } finally {
            lock.unlock();
        }
        dispatch();
    }

    private void deliverQuery(PendingQuery query, Poller poller) {
        if (query.isDone()) { // timed out meanwhile
            offer(poller);
            return;
        }
        poller.complete(query.task());
        runtime.metrics().queryDelivered(key);
    }

    private void matchStored(BacklogTask row, Poller poller) {
        start(row.task(), poller).whenComplete((started, error) -> {
            if (error == null) {
                delete(row);
                poller.complete(started);
            } else if (MatchingErrors.isStale(error)) {
                delete(row);
                offer(poller);
            } else {
                // Not stale, so kept; it steps aside for the retry delay so that a task history cannot
                // start never blocks the tasks behind it. History being down fails the poll (the
                // worker backs off); an error of this task alone gives the poller the next task.
                MatchingErrors.warn(log, key, "could not record a stored task started, retrying", row.task(), error);
                runtime.later(() -> putBack(row));
                PerduraException failure = PerduraException.unwrap(error);
                if (failure.errorType().isRetryable()) {
                    poller.fail(failure);
                } else {
                    offer(poller);
                    dispatch();
                }
            }
        });
    }

    private void putBack(BacklogTask row) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            window.putBack(row);
        } finally {
            lock.unlock();
        }
        dispatch();
    }

    private void readBacklog(long after) {
        runtime.onStoreExecutor(() -> store.read(key, after, runtime.readBatchSize()))
                .whenComplete((rows, error) -> {
                    lock.lock();
                    try {
                        window.readDone(error == null ? rows : null);
                    } finally {
                        lock.unlock();
                    }
                    if (error == null) {
                        dispatch();
                    } else {
                        MatchingErrors.warn(log, key, "could not read the backlog, retrying", null, error);
                        runtime.later(this::dispatch);
                    }
                });
    }

    private void delete(BacklogTask row) {
        runtime.writer().delete(row.id());
    }

    /** Puts back a poller whose match fell through; it waits again unless its time is up. */
    private void offer(Poller poller) {
        if (poller.isDone()) {
            return;
        }
        boolean waiting = false;
        lock.lock();
        try {
            if (!closed && !poller.isExpired()) {
                pollers.addFirst(poller);
                waiting = true;
            }
        } finally {
            lock.unlock();
        }
        if (waiting) {
            dispatch();
        } else {
            poller.complete(null);
        }
    }

    /** Answers every waiting poll of {@code identity} with no task; a shutting-down worker asks. */
    void cancelPolls(String identity) {
        List<Poller> cancelled = new ArrayList<>();
        lock.lock();
        try {
            pollers.removeIf(poller -> {
                boolean match = identity.equals(poller.identity());
                if (match) {
                    cancelled.add(poller);
                }
                return match;
            });
        } finally {
            lock.unlock();
        }
        cancelled.forEach(poller -> poller.complete(null));
    }

    private void expire(Poller poller) {
        boolean waiting;
        lock.lock();
        try {
            waiting = pollers.remove(poller);
        } finally {
            lock.unlock();
        }
        if (waiting) {
            poller.complete(null);
        }
    }

    private void acknowledge(ScheduledTask task, CompletableFuture<Void> acknowledged) {
        lock.lock();
        try {
            adding.remove(task, acknowledged);
        } finally {
            lock.unlock();
        }
        acknowledged.complete(null);
    }

    private CompletableFuture<Object> start(ScheduledTask task, Poller poller) {
        try {
            return starter.start(task, poller);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Holds the lock. */
    private Poller nextWaitingPoller() {
        Poller poller;
        do {
            poller = pollers.pollFirst();
        } while (poller != null && poller.isDone());
        return poller;
    }

    /** Holds the lock. */
    private PendingQuery nextQuery() {
        while (!queries.isEmpty() && queries.peekFirst().isDone()) {
            queries.pollFirst();
        }
        return queries.pollFirst();
    }
}
