package io.perdura.history.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The storage port of timer and outbox rows outside of state-change transactions. */
public interface TaskStore {

    /** Timer rows of the given shards due before {@code fireTimeBefore}, earliest first. */
    List<TimerTask> loadTimerTasks(Collection<Integer> shardIds, long fireTimeBefore, int limit);

    void deleteTimerTasks(int shardId, Collection<Long> taskIds);

    /** Outbox rows of a shard with a task id above {@code afterTaskId}, in order. */
    List<TransferTask> loadTransferTasks(int shardId, long afterTaskId, int limit);

    /** Deletes outbox rows of any number of shards (task ids by shard id) in ONE transaction. */
    void deleteTransferTasks(Map<Integer, ? extends Collection<Long>> taskIdsByShard);
}
