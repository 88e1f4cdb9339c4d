package io.perdura.history.shard;

import java.util.Set;

/**
 * Told when this process takes up or lets go of shards, so that what it holds in memory per shard
 * (cached MutableState, in-memory timers, outbox rows in flight, result waiters) follows ownership.
 */
public interface ShardListener {

    /** {@code shardIds} were just acquired: another owner may have written them meanwhile. */
    void acquired(Set<Integer> shardIds);

    /** {@code shardIds} were just released: their next owner takes over their timers and outbox. */
    void released(Set<Integer> shardIds);
}
