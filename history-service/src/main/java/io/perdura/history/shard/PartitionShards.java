package io.perdura.history.shard;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which shards live on which partition of the history topic. A workflow's shard is {@code
 * hash(key) mod shardCount} and its bus partition {@code hash(key) mod partitions}; when the
 * partition count divides the shard count, every workflow of shard {@code s} is on partition {@code
 * s mod partitions}, so the owner of a partition can own its shards outright.
 */
public final class PartitionShards {

    private final int shardCount;
    private final int partitions;

    /** Fails (IllegalStateException) when {@code partitions} does not divide {@code shardCount}. */
    public PartitionShards(int shardCount, int partitions) {
        if (partitions < 1 || shardCount % partitions != 0) {
            throw new IllegalStateException("perdura.history.shard-count (" + shardCount
                    + ") must be a multiple of the number of partitions of the history topic (" + partitions
                    + "), so that each shard lives on one partition; choose a shard count that "
                    + partitions + " divides");
        }
        this.shardCount = shardCount;
        this.partitions = partitions;
    }

    /** The partition a shard's requests arrive on. */
    public int partitionOf(int shardId) {
        return shardId % partitions;
    }

    /** The shards that live on {@code partitionIds}, in ascending order. */
    public Set<Integer> shardsOf(Collection<Integer> partitionIds) {
        Set<Integer> shards = new TreeSet<>();
        for (int partition : partitionIds) {
            if (partition < 0 || partition >= partitions) {
                throw new IllegalArgumentException("partition " + partition + " is outside [0, " + partitions + ")");
            }
            for (int shardId = partition; shardId < shardCount; shardId += partitions) {
                shards.add(shardId);
            }
        }
        return shards;
    }
}
