package io.perdura.common.messaging;

import java.util.Set;

/**
 * Told which partitions of a topic a subscription owns. Ownership moves between processes (a
 * consumer-group rebalance in Kafka); a subscriber that keeps state per partition (history's shards,
 * matching's task queues) takes it up in {@link #assigned} and lets it go in {@link #revoked}. Both
 * are called from the bus's delivery thread, never concurrently with each other.
 */
public interface PartitionListener {

    /** Does nothing. */
    PartitionListener NONE = new PartitionListener() {
        @Override
        public void assigned(Set<Integer> partitions) {}

        @Override
        public void revoked(Set<Integer> partitions) {}
    };

    /** Called before the first message of {@code partitions} is delivered to this subscription. */
    void assigned(Set<Integer> partitions);

    /**
     * Called once no further message of {@code partitions} will be delivered to this subscription
     * (another process may already own them).
     */
    void revoked(Set<Integer> partitions);
}
