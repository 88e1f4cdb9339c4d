package io.perdura.matching.taskqueue;

import io.perdura.matching.persistence.BacklogTask;
import io.perdura.matching.persistence.ScheduledTask;
import io.perdura.matching.persistence.TaskBacklogStore;
import io.perdura.matching.persistence.TaskQueueKey;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the writes to a real store, to show that a sync match writes nothing. */
final class CountingBacklogStore implements TaskBacklogStore {

    final AtomicInteger inserts = new AtomicInteger();
    private final TaskBacklogStore delegate;

    CountingBacklogStore(TaskBacklogStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public OptionalLong insert(TaskQueueKey queue, ScheduledTask task) {
        inserts.incrementAndGet();
        return delegate.insert(queue, task);
    }

    @Override
    public List<BacklogTask> read(TaskQueueKey queue, long afterId, int limit) {
        return delegate.read(queue, afterId, limit);
    }

    @Override
    public void delete(long id) {
        delegate.delete(id);
    }

    @Override
    public List<TaskQueueKey> queuesWithBacklog() {
        return delegate.queuesWithBacklog();
    }
}
