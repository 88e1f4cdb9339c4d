package io.perdura.history.shard;

import io.perdura.history.persistence.ShardFence;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One owned shard: its range id (the fence of every write) and the task id sequence of its timer
 * and outbox rows. Task ids start at {@code rangeId << 32}, so no two owners ever hand out the same.
 */
public final class ShardContext {

    private final int shardId;
    private final long rangeId;
    private final AtomicLong nextTaskId;

    public ShardContext(int shardId, long rangeId) {
        this.shardId = shardId;
        this.rangeId = rangeId;
        this.nextTaskId = new AtomicLong(rangeId << 32);
    }

    public int shardId() {
        return shardId;
    }

    public long rangeId() {
        return rangeId;
    }

    public ShardFence fence() {
        return new ShardFence(shardId, rangeId);
    }

    public long nextTaskId() {
        return nextTaskId.incrementAndGet();
    }
}
