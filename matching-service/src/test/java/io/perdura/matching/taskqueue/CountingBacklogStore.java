package io.perdura.matching.taskqueue;

import io.perdura.matching.persistence.BacklogTask;
import io.perdura.matching.persistence.NewBacklogTask;
import io.perdura.matching.persistence.TaskBacklogStore;
import io.perdura.matching.persistence.TaskQueueKey;
import java.util.Collection;
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
    public List<OptionalLong> insert(List<NewBacklogTask> tasks) {
        inserts.addAndGet(tasks.size());
        return delegate.insert(tasks);
    }

    @Override
    public List<BacklogTask> read(TaskQueueKey queue, long afterId, int limit) {
        return delegate.read(queue, afterId, limit);
    }

    @Override
    public void delete(Collection<Long> ids) {
        delegate.delete(ids);
    }

    @Override
    public List<TaskQueueKey> queuesWithBacklog() {
        return delegate.queuesWithBacklog();
    }
}
