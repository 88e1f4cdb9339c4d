package io.perdura.matching.persistence;

import java.util.List;
import java.util.OptionalLong;

/** Stores the tasks of each task queue that no poller has taken yet. */
public interface TaskBacklogStore {

    /**
     * Adds a task to a queue's backlog and returns its id, or an empty result when the same task
     * (same run, scheduled event id and attempt) is already there.
     */
    OptionalLong insert(TaskQueueKey queue, ScheduledTask task);

    /** Up to {@code limit} tasks of a queue with an id above {@code afterId}, oldest first. */
    List<BacklogTask> read(TaskQueueKey queue, long afterId, int limit);

    /** Removes a task from the backlog; removing a task that is gone is harmless. */
    void delete(long id);

    /** The queues that hold at least one task. */
    List<TaskQueueKey> queuesWithBacklog();
}
