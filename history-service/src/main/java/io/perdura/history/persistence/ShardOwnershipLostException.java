package io.perdura.history.persistence;

/** A write was fenced off: another owner acquired the shard since (its range id moved on). */
public final class ShardOwnershipLostException extends RuntimeException {

    public ShardOwnershipLostException(int shardId, long rangeId) {
        super("shard " + shardId + " is no longer owned with range id " + rangeId);
    }
}
