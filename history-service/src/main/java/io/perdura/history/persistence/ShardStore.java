package io.perdura.history.persistence;

import java.util.Collection;
import java.util.Map;

/** The storage port of shard ownership. */
public interface ShardStore {

    /** Takes the shard for {@code owner}, creating it if needed, and returns its new range id. */
    long acquire(int shardId, String owner);

    /**
     * Takes all of {@code shardIds} for {@code owner} in ONE transaction (all or none), creating
     * missing shards, and returns each shard's new range id.
     */
    Map<Integer, Long> acquire(Collection<Integer> shardIds, String owner);

    /** The shard's current range id, or -1 when it does not exist. */
    long rangeId(int shardId);
}
