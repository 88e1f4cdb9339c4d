package io.perdura.matching.taskqueue;

import io.perdura.common.error.ErrorType;
import io.perdura.common.error.PerduraException;
import io.perdura.common.messaging.MessageBus;
import io.perdura.common.messaging.MessageHandler;
import io.perdura.common.messaging.PartitionListener;
import io.perdura.common.messaging.Partitioning;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A {@link MessageBus} double for several matching replicas over one topic: each partition is
 * delivered to one subscriber at a time, and {@link #move} hands partitions to another subscriber
 * as a consumer-group rebalance does. The first subscriber owns every partition. Requests run on
 * the caller's thread; a move waits until the handlers running for its partitions have returned,
 * tells the old owner {@code revoked}, then the new one {@code assigned}, and holds requests to
 * those partitions back meanwhile.
 */
final class RebalancingMessageBus implements MessageBus {

    private final int partitions;
    private final ReentrantReadWriteLock[] locks;
    /** Guarded by {@link #locks}: the subscriber delivered each partition's requests, or null. */
    private final Member[] owners;

    RebalancingMessageBus(int partitions) {
        this.partitions = partitions;
        this.locks = new ReentrantReadWriteLock[partitions];
        this.owners = new Member[partitions];
        for (int i = 0; i < partitions; i++) {
            locks[i] = new ReentrantReadWriteLock();
        }
    }

    @Override
    public CompletableFuture<Object> request(String topic, String key, Object message, Duration timeout) {
        int partition = Partitioning.partitionOf(key, partitions);
        CompletableFuture<Object> reply;
        locks[partition].readLock().lock();
        try {
            Member owner = owners[partition];
            reply = owner == null
                    ? CompletableFuture.failedFuture(
                            new PerduraException(ErrorType.UNAVAILABLE, "nobody owns partition " + partition))
                    : owner.handler.handle(key, message).toCompletableFuture().thenApply(Object.class::cast);
        } catch (RuntimeException e) {
            reply = CompletableFuture.failedFuture(e);
        } finally {
            locks[partition].readLock().unlock();
        }
        return reply.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(error -> CompletableFuture.failedFuture(
                        error instanceof TimeoutException
                                ? new PerduraException(ErrorType.UNAVAILABLE, "no answer within " + timeout)
                                : PerduraException.unwrap(error)));
    }

    /** The first subscriber gets every partition; later ones get partitions through {@link #move}. */
    @Override
    public synchronized Member subscribe(String topic, MessageHandler handler, PartitionListener listener) {
        Member member = new Member(handler, listener);
        Set<Integer> unowned = IntStream.range(0, partitions)
                .filter(partition -> owners[partition] == null)
                .boxed()
                .collect(Collectors.toSet());
        hand(unowned, member);
        return member;
    }

    @Override
    public int partitions(String topic) {
        return partitions;
    }

    /** Hands {@code moved} to {@code to}, revoking them from their owners first. */
    synchronized void move(Set<Integer> moved, Member to) {
        hand(moved, to);
    }

    /** Which partitions {@code member} owns now. */
    synchronized Set<Integer> owned(Member member) {
        Set<Integer> owned = new HashSet<>();
        for (int partition = 0; partition < partitions; partition++) {
            locks[partition].readLock().lock();
            try {
                if (owners[partition] == member) {
                    owned.add(partition);
                }
            } finally {
                locks[partition].readLock().unlock();
            }
        }
        return owned;
    }

    private void hand(Set<Integer> moved, Member to) {
        moved.forEach(partition -> locks[partition].writeLock().lock());
        try {
            moved.stream()
                    .filter(partition -> owners[partition] != null && owners[partition] != to)
                    .collect(Collectors.groupingBy(partition -> owners[partition], Collectors.toSet()))
                    .forEach((from, lost) -> {
                        from.listener.revoked(lost);
                        lost.forEach(partition -> owners[partition] = null);
                    });
            if (to != null) {
                Set<Integer> gained = moved.stream()
                        .filter(partition -> owners[partition] != to)
                        .collect(Collectors.toSet());
                to.listener.assigned(gained);
                gained.forEach(partition -> owners[partition] = to);
            }
        } finally {
            moved.forEach(partition -> locks[partition].writeLock().unlock());
        }
    }

    /** One subscription; closing it revokes its partitions and leaves them unowned. */
    final class Member implements Subscription {
        private final MessageHandler handler;
        private final PartitionListener listener;

        private Member(MessageHandler handler, PartitionListener listener) {
            this.handler = handler;
            this.listener = listener;
        }

        @Override
        public void close() {
            synchronized (RebalancingMessageBus.this) {
                hand(owned(this), null);
            }
        }
    }
}
