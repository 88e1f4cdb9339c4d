package io.perdura.history.shard;

import io.perdura.common.messaging.PartitionListener;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes shard ownership follow the history topic's partitions. When the bus assigns partitions, their
 * shards are acquired (one transaction) before their first message; if the database refuses, the
 * shards wait and acquisition is retried in the background with exponential backoff, while their
 * requests fail UNAVAILABLE. When the bus revokes partitions, their shards are released.
 *
 * <p>Acquiring and releasing hold this object's lock, the database call included: a revocation
 * therefore returns only after any acquisition in progress has ended, so a late acquisition can
 * never fence off the partition's next owner.
 */
public final class ShardAssignment implements PartitionListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ShardAssignment.class);

    private final ShardController shards;
    private final PartitionShards partitionShards;
    private final ShardListener listener;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final ScheduledExecutorService retries;
    private final Set<Integer> awaiting = new TreeSet<>();
    /** A copy of {@link #awaiting} readable without the lock (which a database call may hold). */
    private volatile Set<Integer> awaitingView = Set.of();

    private Duration backoff;
    private ScheduledFuture<?> retry;
    private boolean closed;

    public ShardAssignment(
            ShardController shards,
            PartitionShards partitionShards,
            ShardListener listener,
            Duration initialBackoff,
            Duration maxBackoff) {
        this.shards = shards;
        this.partitionShards = partitionShards;
        this.listener = listener;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.backoff = initialBackoff;
        this.retries = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform()
                .daemon()
                .name("perdura-history-shard-acquire")
                .unstarted(r));
    }

    /** Acquires the partitions' shards now; on a database error, keeps retrying in the background. */
    @Override
    public synchronized void assigned(Set<Integer> partitions) {
        if (closed) {
            return;
        }
        awaiting.addAll(partitionShards.shardsOf(partitions));
        awaitingView = Set.copyOf(awaiting);
        backoff = initialBackoff;
        tryAcquire();
    }

    /** Releases the partitions' shards (and stops waiting for those not acquired yet). */
    @Override
    public synchronized void revoked(Set<Integer> partitions) {
        Set<Integer> shardIds = partitionShards.shardsOf(partitions);
        awaiting.removeAll(shardIds);
        awaitingView = Set.copyOf(awaiting);
        if (awaiting.isEmpty()) {
            cancelRetry();
        }
        shards.release(shardIds);
        tell(() -> listener.released(shardIds));
    }

    /**
     * The shards assigned to this process that could not be acquired yet (the database refused);
     * never waits for an acquisition in progress.
     */
    public Set<Integer> awaitingShards() {
        return awaitingView;
    }

    /** Stops retrying; owned shards are released by {@link #revoked} (the bus calls it on close). */
    @Override
    public synchronized void close() {
        closed = true;
        awaiting.clear();
        awaitingView = Set.of();
        cancelRetry();
        retries.shutdownNow();
    }

    private void tryAcquire() {
        Set<Integer> shardIds = new TreeSet<>(awaiting);
        if (shardIds.isEmpty()) {
            return;
        }
        try {
            shards.acquire(shardIds);
        } catch (RuntimeException e) {
            log.warn(
                    "could not acquire shards {}; their requests fail UNAVAILABLE until a retry in {} ms succeeds: {}",
                    shardIds,
                    backoff.toMillis(),
                    e.getMessage());
            if (retry == null) {
                retry = retries.schedule(this::retry, backoff.toMillis(), TimeUnit.MILLISECONDS);
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            }
            return;
        }
        awaiting.removeAll(shardIds);
        awaitingView = Set.copyOf(awaiting);
        cancelRetry();
        backoff = initialBackoff;
        tell(() -> listener.acquired(shardIds));
    }

    private synchronized void retry() {
        retry = null;
        if (!closed && !awaiting.isEmpty()) {
            tryAcquire();
        }
    }

    private void cancelRetry() {
        if (retry != null) {
            retry.cancel(false);
            retry = null;
        }
    }

    private static void tell(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.error("a shard ownership listener failed", e);
        }
    }
}
