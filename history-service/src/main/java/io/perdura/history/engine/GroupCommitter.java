package io.perdura.history.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Metrics;
import io.perdura.history.persistence.ExecutionChange;
import io.perdura.history.persistence.ExecutionStore;
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
 * <p>Metrics (in Micrometer's global registry, which Spring Boot's registries join): {@code
 * perdura.history.transactions} and {@code perdura.history.transaction.changes} (state changes per
 * transaction).
 */
final class GroupCommitter {

    private final ExecutionStore store;
    private final int maxBatch;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition finished = lock.newCondition();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private boolean committing;
    private final Counter transactions = Metrics.counter("perdura.history.transactions");
    private final DistributionSummary changesPerTransaction = DistributionSummary.builder(
                    "perdura.history.transaction.changes")
            .description("State changes committed in one transaction")
            .register(Metrics.globalRegistry);

    GroupCommitter(ExecutionStore store, int maxBatch) {
        this.store = store;
        this.maxBatch = maxBatch;
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
        Pending mine = new Pending(List.copyOf(changes), new CompletableFuture<>());
        lock.lock();
        try {
            queue.add(mine);
            while (!mine.outcome().isDone()) {
                if (committing) {
                    finished.awaitUninterruptibly();
                    continue;
                }
                committing = true;
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
