package io.perdura.history.shard;

import io.perdura.common.error.ErrorType;
import io.perdura.common.error.PerduraException;
import io.perdura.common.messaging.Partitioning;
import io.perdura.common.model.WorkflowExecutionKey;
import io.perdura.history.persistence.ShardStore;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acquires, releases and tracks the shards this process owns. Acquiring a shard increments its range
 * id, which fences off any previous owner's writes; releasing only forgets it (its next owner's
 * acquisition fences this process off). A shard found lost (a write was fenced off) is dropped.
 */
public final class ShardController {

    private static final Logger log = LoggerFactory.getLogger(ShardController.class);

    private final ShardStore store;
    private final int shardCount;
    private final String owner;
    private final Map<Integer, ShardContext> owned = new ConcurrentHashMap<>();

    public ShardController(ShardStore store, int shardCount, String owner) {
        if (shardCount < 1) {
            throw new IllegalArgumentException("shardCount must be >= 1");
        }
        this.store = store;
        this.shardCount = shardCount;
        this.owner = owner;
    }

    /**
     * Takes {@code shardIds} in one database transaction (all or none) and owns them from then on.
     * Throws the store's error when the database refused; then nothing changed.
     */
    public void acquire(Collection<Integer> shardIds) {
        if (shardIds.isEmpty()) {
            return;
        }
        shardIds.forEach(this::checkRange);
        Map<Integer, Long> rangeIds = store.acquire(shardIds, owner);
        rangeIds.forEach((shardId, rangeId) -> owned.put(shardId, new ShardContext(shardId, rangeId)));
        log.info("history owner {} acquired shards {} (shard=range id)", owner, rangeIds);
    }

    /** Stops owning {@code shardIds}: requests of them fail UNAVAILABLE from now on. */
    public void release(Collection<Integer> shardIds) {
        Map<Integer, Long> released = new TreeMap<>();
        for (int shardId : shardIds) {
            ShardContext shard = owned.remove(shardId);
            if (shard != null) {
                released.put(shardId, shard.rangeId());
            }
        }
        if (!released.isEmpty()) {
            log.info("history owner {} released shards {} (shard=range id)", owner, released);
        }
    }

    public int shardCount() {
        return shardCount;
    }

    /** The name this process records as the owner of its shards. */
    public String owner() {
        return owner;
    }

    /** The shard of a workflow id: {@code hash(namespace/workflowId) mod shardCount}. */
    public int shardOf(String namespace, String workflowId) {
        return Partitioning.partitionOf(WorkflowExecutionKey.routingKey(namespace, workflowId), shardCount);
    }

    /** The owned shard, or UNAVAILABLE when this process does not own it (any more). */
    public ShardContext shard(int shardId) {
        ShardContext shard = owned.get(shardId);
        if (shard == null) {
            throw new PerduraException(ErrorType.UNAVAILABLE, "shard " + shardId + " is not owned by " + owner);
        }
        return shard;
    }

    /** Whether {@code shard} is still owned with its range id (not released, lost or re-acquired since). */
    public boolean isCurrent(ShardContext shard) {
        return owned.get(shard.shardId()) == shard;
    }

    /** Whether this process owns the shard. */
    public boolean owns(int shardId) {
        return owned.containsKey(shardId);
    }

    /** Drops a shard whose range id moved on: another owner took it. */
    public void lost(int shardId, long rangeId) {
        ShardContext current = owned.get(shardId);
        if (current != null && current.rangeId() == rangeId && owned.remove(shardId, current)) {
            log.warn("lost shard {} (range id {}) to another owner", shardId, rangeId);
        }
    }

    public List<Integer> ownedShardIds() {
        return owned.keySet().stream().sorted().toList();
    }

    private void checkRange(int shardId) {
        if (shardId < 0 || shardId >= shardCount) {
            throw new IllegalArgumentException("shard " + shardId + " is outside [0, " + shardCount + ")");
        }
    }
}
