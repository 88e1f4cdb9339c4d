package io.perdura.history.shard;

import io.perdura.common.error.ErrorType;
import io.perdura.common.error.PerduraException;
import io.perdura.common.messaging.Partitioning;
import io.perdura.common.model.WorkflowExecutionKey;
import io.perdura.history.persistence.ShardStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acquires and tracks the shards this process owns. Acquiring a shard increments its range id, which
 * fences off any previous owner's writes. A shard found lost (a write was fenced off) is dropped.
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

    /** Takes every shard (one history owner per cluster in this version). */
    public void acquireAll() {
        for (int shardId = 0; shardId < shardCount; shardId++) {
            long rangeId = store.acquire(shardId, owner);
            owned.put(shardId, new ShardContext(shardId, rangeId));
            log.debug("acquired shard {} with range id {}", shardId, rangeId);
        }
        log.info("history owner {} acquired {} shards", owner, shardCount);
    }

    public void releaseAll() {
        owned.clear();
    }

    public int shardCount() {
        return shardCount;
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
}
