package io.perdura.messaging.kafka;

import io.perdura.common.error.PerduraException;
import io.perdura.common.messaging.MessageBus;
import io.perdura.common.messaging.MessageDelivery;
import io.perdura.common.messaging.MessageHandler;
import io.perdura.common.messaging.PartitionListener;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One process's subscription to a topic: a consumer in the topic's consumer group, so that each
 * partition is handled by one process at a time and a rebalance moves partitions between processes
 * (the {@link PartitionListener} hears of it). One {@link PollLoop} thread runs each handler's
 * synchronous part in partition order; the reply is sent when the handler's stage completes. Offsets are
 * committed after the records were handed to the handler: a request lost in a crash is retried by
 * its caller, whose answer never came.
 */
final class TopicSubscriber implements MessageBus.Subscription {

    private static final Logger log = LoggerFactory.getLogger(TopicSubscriber.class);

    private final String topic;
    private final Consumer<String, byte[]> consumer;
    private final MessageHandler handler;
    private final PartitionListener listener;
    private final ReplySender replies;
    private final PollLoop loop;

    TopicSubscriber(
            String topic,
            Consumer<String, byte[]> consumer,
            MessageHandler handler,
            PartitionListener listener,
            ReplySender replies) {
        this.topic = topic;
        this.consumer = consumer;
        this.handler = handler;
        this.listener = listener;
        this.replies = replies;
        this.loop = new PollLoop("perdura-kafka-" + topic, consumer, this::deliver);
        loop.start(() -> consumer.subscribe(List.of(topic), new Rebalance()));
    }

    private void deliver(ConsumerRecord<String, byte[]> record) {
        long deadline = MessageCodec.longValue(record.headers(), MessageCodec.DEADLINE, Long.MAX_VALUE);
        if (System.currentTimeMillis() > deadline) {
            log.debug("dropping an expired request on {} for key {}", topic, record.key());
            return;
        }
        MessageDelivery.deliver(
                        topic,
                        () -> handler.handle(record.key(), MessageCodec.decode(record.headers(), record.value())))
                .whenComplete((value, error) -> replies.send(record.headers(), value, (PerduraException) error));
    }

    @Override
    public void close() {
        loop.close();
    }

    private static Set<Integer> numbers(Collection<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::partition).collect(Collectors.toUnmodifiableSet());
    }

    /** Tells the listener of ownership changes; runs on the polling thread. */
    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                log.info("{}: assigned partitions {}", topic, numbers(partitions));
                listener.assigned(numbers(partitions));
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                log.info("{}: revoked partitions {}", topic, numbers(partitions));
                listener.revoked(numbers(partitions));
                try {
                    consumer.commitSync(Duration.ofSeconds(5));
                } catch (RuntimeException e) {
                    log.warn("{}: committing offsets on revoke failed: {}", topic, e.getMessage());
                }
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                log.warn("{}: lost partitions {}", topic, numbers(partitions));
                listener.revoked(numbers(partitions));
            }
        }
    }
}
