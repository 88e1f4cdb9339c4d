package io.perdura.history;

import io.perdura.common.messaging.InJvmMessageBus;
import io.perdura.common.messaging.MessageBus;
import io.perdura.common.messaging.MessageHandler;
import io.perdura.common.messaging.PartitionListener;
import io.perdura.common.messaging.Topics;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * The bus of one history replica in a test cluster: an {@link InJvmMessageBus} whose history-topic
 * partitions the test assigns and revokes, as a consumer-group rebalance would. Every history
 * message still reaches this replica's handler, so a request for a shard it does not own shows how
 * the replica refuses it.
 */
final class ManualPartitionBus implements MessageBus, AutoCloseable {

    private final InJvmMessageBus delegate;
    private final Set<Integer> assigned = new TreeSet<>();
    private PartitionListener historyListener = PartitionListener.NONE;

    ManualPartitionBus(int partitions) {
        this.delegate = new InJvmMessageBus(partitions);
    }

    @Override
    public CompletableFuture<Object> request(String topic, String key, Object message, Duration timeout) {
        return delegate.request(topic, key, message, timeout);
    }

    /** Subscribes; for the history topic, no partition is assigned until the test says so. */
    @Override
    public synchronized Subscription subscribe(String topic, MessageHandler handler, PartitionListener listener) {
        if (!topic.equals(Topics.HISTORY)) {
            return delegate.subscribe(topic, handler, listener);
        }
        Subscription inner = delegate.subscribe(topic, handler, PartitionListener.NONE);
        historyListener = listener;
        return () -> {
            inner.close();
            synchronized (this) {
                revoke(Set.copyOf(assigned));
                historyListener = PartitionListener.NONE;
            }
        };
    }

    @Override
    public int partitions(String topic) {
        return delegate.partitions(topic);
    }

    /** Gives this replica history partitions, as a rebalance would. */
    synchronized void assign(Integer... partitions) {
        Set<Integer> added = Set.of(partitions);
        assigned.addAll(added);
        historyListener.assigned(added);
    }

    /** Takes history partitions from this replica, as a rebalance would. */
    synchronized void revoke(Integer... partitions) {
        revoke(Set.of(partitions));
    }

    private void revoke(Set<Integer> partitions) {
        if (!partitions.isEmpty()) {
            assigned.removeAll(partitions);
            historyListener.revoked(partitions);
        }
    }

    @Override
    public void close() {
        delegate.close();
    }
}
