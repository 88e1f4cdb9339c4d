package io.perdura.history.persistence;

/** The storage port of shard ownership. */
public interface ShardStore {

    /** Takes the shard for {@code owner}, creating it if needed, and returns its new range id. */
    long acquire(int shardId, String owner);

    /** The shard's current range id, or -1 when it does not exist. */
    long rangeId(int shardId);
}
