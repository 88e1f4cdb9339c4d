package io.perdura.matching.taskqueue;

import io.perdura.matching.persistence.BacklogTask;
import io.perdura.matching.persistence.NewBacklogTask;
import io.perdura.matching.persistence.TaskBacklogStore;
import io.perdura.matching.persistence.TaskQueueKey;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Counts the writes to a real store, to show that a sync match writes nothing; can be taken down,
 * so that every call fails as it does while the database is stopped, and can hold inserts back.
 */
final class CountingBacklogStore implements TaskBacklogStore {

    final AtomicInteger inserts = new AtomicInteger();
    final AtomicInteger reads = new AtomicInteger();
    private final TaskBacklogStore delegate;
    private volatile boolean down;
    private volatile CompletableFuture<Void> insertGate = CompletableFuture.completedFuture(null);

    CountingBacklogStore(TaskBacklogStore delegate) {
        this.delegate = delegate;
    }

    /** Whether every call fails, as when the database is unreachable. */
    void down(boolean down) {
        this.down = down;
    }

    /** Holds every insert back (as a slow database would) until the returned gate is completed. */
    CompletableFuture<Void> holdInserts() {
        CompletableFuture<Void> gate = new CompletableFuture<>();
        insertGate = gate;
        return gate;
    }

    @Override
    public List<OptionalLong> insert(List<NewBacklogTask> tasks) {
        failIfDown();
        inserts.addAndGet(tasks.size());
        insertGate.join();
        return delegate.insert(tasks);
    }

    @Override
    public List<BacklogTask> read(TaskQueueKey queue, long afterId, int limit) {
        failIfDown();
        reads.incrementAndGet();
        return delegate.read(queue, afterId, limit);
    }

    @Override
    public void delete(Collection<Long> ids) {
        failIfDown();
        delegate.delete(ids);
    }

    @Override
    public List<TaskQueueKey> queuesWithBacklog() {
        failIfDown();
        return delegate.queuesWithBacklog();
    }

    private void failIfDown() {
        if (down) {
            throw new DataAccessResourceFailureException("the database is down");
        }
    }
}
