package io.perdura.matching.taskqueue;

import io.perdura.matching.persistence.NewBacklogTask;
import io.perdura.matching.persistence.ScheduledTask;
import io.perdura.matching.persistence.TaskBacklogStore;
import io.perdura.matching.persistence.TaskQueueKey;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit of backlog writes: inserts and deletes that arrive while a write is running are
 * gathered and written together, the inserts in one transaction. One writer at a time, off the
 * callers' threads.
 */
final class BacklogWriter {

    private static final Logger log = LoggerFactory.getLogger(BacklogWriter.class);

    private final TaskBacklogStore store;
    private final Executor executor;
    private final int maxBatch;

    private final ReentrantLock lock = new ReentrantLock();
    private List<PendingInsert> inserts = new ArrayList<>();
    private List<Long> deletes = new ArrayList<>();
    private boolean writing;

    BacklogWriter(TaskBacklogStore store, Executor executor, int maxBatch) {
        this.store = store;
        this.executor = executor;
        this.maxBatch = maxBatch;
    }

    /** Completes with the task's id once committed, or empty when it was already stored. */
    CompletableFuture<OptionalLong> insert(TaskQueueKey queue, ScheduledTask task) {
        PendingInsert insert = new PendingInsert(new NewBacklogTask(queue, task), new CompletableFuture<>());
        boolean start;
        lock.lock();
        try {
            inserts.add(insert);
            start = startWriting();
        } finally {
            lock.unlock();
        }
        if (start) {
            launch();
        }
        return insert.id();
    }

    /** Deletes a task soon; a failure only leaves a row that is dropped as stale after a restart. */
    void delete(long id) {
        boolean start;
        lock.lock();
        try {
            deletes.add(id);
            start = startWriting();
        } finally {
            lock.unlock();
        }
        if (start) {
            launch();
        }
    }

    /** Holds the lock. */
    private boolean startWriting() {
        if (writing) {
            return false;
        }
        writing = true;
        return true;
    }

    private void launch() {
        try {
            executor.execute(this::write);
        } catch (RuntimeException e) {
            List<PendingInsert> dropped;
            lock.lock();
            try {
                dropped = inserts;
                inserts = new ArrayList<>();
                deletes = new ArrayList<>();
                writing = false;
            } finally {
                lock.unlock();
            }
            dropped.forEach(insert -> insert.id().completeExceptionally(MatchingErrors.stopping()));
        }
    }

    private void write() {
        while (true) {
            List<PendingInsert> insertBatch;
            List<Long> deleteBatch;
            lock.lock();
            try {
                if (inserts.isEmpty() && deletes.isEmpty()) {
                    writing = false;
                    return;
                }
                insertBatch = take(inserts);
                deleteBatch = take(deletes);
            } finally {
                lock.unlock();
            }
            if (!insertBatch.isEmpty()) {
                writeInserts(insertBatch);
            }
            if (!deleteBatch.isEmpty()) {
                try {
                    store.delete(deleteBatch);
                } catch (RuntimeException e) {
                    log.warn(
                            "could not delete {} started tasks from the backlog: {}",
                            deleteBatch.size(),
                            e.getMessage());
                }
            }
        }
    }

    private void writeInserts(List<PendingInsert> batch) {
        List<OptionalLong> ids;
        try {
            ids = store.insert(batch.stream().map(PendingInsert::task).toList());
        } catch (RuntimeException e) {
            batch.forEach(insert -> insert.id().completeExceptionally(e));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).id().complete(ids.get(i));
        }
    }

    /** Holds the lock: removes and returns up to one batch from the front of {@code pending}. */
    private <T> List<T> take(List<T> pending) {
        if (pending.size() <= maxBatch) {
            List<T> all = new ArrayList<>(pending);
            pending.clear();
            return all;
        }
        List<T> head = new ArrayList<>(pending.subList(0, maxBatch));
        pending.subList(0, maxBatch).clear();
        return head;
    }

    private record PendingInsert(NewBacklogTask task, CompletableFuture<OptionalLong> id) {}
}
