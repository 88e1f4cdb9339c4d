package io.perdura.history.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Metrics;
import io.perdura.history.persistence.ExecutionChange;
import io.perdura.history.persistence.ExecutionStore;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit: state changes of different runs that are ready at the same time share ONE database
 * transaction. The first caller to find no commit running becomes the leader and commits what is
 * queued; the others wait for their outcome. If a shared transaction fails, its changes are
 * committed one by one so that each caller gets its own outcome.
 *
 * <p>A transaction's cost on the embedded store is set by the number of commits, not by their size
 * (ADR 0030), so a leader that knows of updates still being prepared ({@link #prepare()}: they
 * hold their run's lock and will commit or {@link #abandon()} soon) lingers for them, at most
 * {@code linger}, before it commits. With nothing else in progress it commits at once: a lone change
 * never waits.
 *
 * <p>Metrics (in Micrometer's global registry, which Spring Boot's registries join): {@code
 * perdura.history.transactions} and {@code perdura.history.transaction.changes} (state changes per
 * transaction).
 */
final class GroupCommitter {

    /** How long a leader waits at most for updates in preparation to join its transaction. */
    static final Duration DEFAULT_LINGER = Duration.ofMillis(1);

    private final ExecutionStore store;
    private final int maxBatch;
    private final long lingerNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition finished = lock.newCondition();
    private final Condition arrived = lock.newCondition();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private boolean committing;
    private int preparing;
    private final Counter transactions = Metrics.counter("perdura.history.transactions");
    private final DistributionSummary changesPerTransaction = DistributionSummary.builder(
                    "perdura.history.transaction.changes")
            .description("State changes committed in one transaction")
            .register(Metrics.globalRegistry);

    GroupCommitter(ExecutionStore store, int maxBatch) {
        this(store, maxBatch, Duration.ZERO);
    }

    GroupCommitter(ExecutionStore store, int maxBatch, Duration linger) {
        this.store = store;
        this.maxBatch = maxBatch;
        this.lingerNanos = linger.toNanos();
    }

    /**
     * An update began that will soon {@link #commitPrepared commit} or {@link #abandon() end without
     * a change}; leaders linger for it.
     */
    void prepare() {
        lock.lock();
        try {
            preparing++;
        } finally {
            lock.unlock();
        }
    }

    /** A {@link #prepare() prepared} update ended without committing. */
    void abandon() {
        lock.lock();
        try {
            preparing--;
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** {@link #commit(List)} for a {@link #prepare() prepared} update. */
    void commitPrepared(List<ExecutionChange> changes) {
        commit(changes, true);
    }

    /** Changes that must commit together (a run closed and its successor created), and their outcome. */
    private record Pending(List<ExecutionChange> changes, CompletableFuture<Void> outcome) {}

    /** Commits the change (possibly with others); returns once it is durable, or throws its error. */
    void commit(ExecutionChange change) {
        commit(List.of(change));
    }

    /**
     * Commits {@code changes} atomically (possibly with other callers' changes); returns once they
     * are durable, or throws their error.
     */
    void commit(List<ExecutionChange> changes) {
        commit(changes, false);
    }

    private void commit(List<ExecutionChange> changes, boolean prepared) {
        Pending mine = new Pending(List.copyOf(changes), new CompletableFuture<>());
        lock.lock();
        try {
            queue.add(mine);
            if (prepared) {
                preparing--;
                arrived.signalAll();
            }
            while (!mine.outcome().isDone()) {
                if (committing) {
                    finished.awaitUninterruptibly();
                    continue;
                }
                committing = true;
                linger();
                List<Pending> batch = new ArrayList<>(Math.min(queue.size(), maxBatch));
                while (!queue.isEmpty() && batch.size() < maxBatch) {
                    batch.add(queue.poll());
                }
                lock.unlock();
                try {
                    run(batch);
                } finally {
                    lock.lock();
                    committing = false;
                    finished.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
        try {
            mine.outcome().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Waits (holding the leadership, releasing the lock) while prepared updates may still join. */
    private void linger() {
        long deadline = System.nanoTime() + lingerNanos;
        while (preparing > 0 && queue.size() < maxBatch) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                arrived.awaitNanos(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void run(List<Pending> batch) {
        try {
            store.commit(batch.stream().flatMap(p -> p.changes().stream()).toList());
            recordCommitted(batch.size());
            batch.forEach(p -> p.outcome().complete(null));
            return;
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.getFirst().outcome().completeExceptionally(e);
                return;
            }
        }
        for (Pending pending : batch) {
            try {
                store.commit(pending.changes());
                recordCommitted(1);
                pending.outcome().complete(null);
            } catch (RuntimeException e) {
                pending.outcome().completeExceptionally(e);
            }
        }
    }

    private void recordCommitted(int changes) {
        transactions.increment();
        changesPerTransaction.record(changes);
    }
}
