package io.perdura.matching.persistence;

import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;

/** Stores the tasks of each task queue that no poller has taken yet. */
public interface TaskBacklogStore {

    /**
     * Adds tasks to their queues' backlogs in one transaction and returns, in order, each one's id,
     * or an empty result for a task (same queue, run, scheduled event id and attempt) that is
     * already there.
     */
    List<OptionalLong> insert(List<NewBacklogTask> tasks);

    /** Adds one task; see {@link #insert(List)}. */
    default OptionalLong insert(TaskQueueKey queue, ScheduledTask task) {
        return insert(List.of(new NewBacklogTask(queue, task))).getFirst();
    }

    /** Up to {@code limit} tasks of a queue with an id above {@code afterId}, oldest first. */
    List<BacklogTask> read(TaskQueueKey queue, long afterId, int limit);

    /** Removes tasks from the backlog; removing a task that is gone is harmless. */
    void delete(Collection<Long> ids);

    /** The queues that hold at least one task. */
    List<TaskQueueKey> queuesWithBacklog();
}
