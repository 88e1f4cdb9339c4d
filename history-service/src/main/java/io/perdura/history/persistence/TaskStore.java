package io.perdura.history.persistence;

import java.util.Collection;
import java.util.List;

/** The storage port of timer and outbox rows outside of state-change transactions. */
public interface TaskStore {

    /** Timer rows of the given shards due before {@code fireTimeBefore}, earliest first. */
    List<TimerTask> loadTimerTasks(Collection<Integer> shardIds, long fireTimeBefore, int limit);

    void deleteTimerTasks(int shardId, Collection<Long> taskIds);

    /** Outbox rows of a shard with a task id above {@code afterTaskId}, in order. */
    List<TransferTask> loadTransferTasks(int shardId, long afterTaskId, int limit);

    void deleteTransferTasks(int shardId, Collection<Long> taskIds);
}
