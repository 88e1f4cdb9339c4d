package io.perdura.messaging.kafka;

import io.perdura.common.error.ErrorType;
import io.perdura.common.error.PerduraException;
import io.perdura.common.messaging.MessageBus;
import io.perdura.common.messaging.MessageHandler;
import io.perdura.common.messaging.PartitionListener;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One process's subscription to a topic: a consumer in the topic's consumer group, so that each
 * partition is handled by one process at a time and a rebalance moves partitions between processes
 * (the {@link PartitionListener} hears of it). One thread polls and runs each handler's synchronous
 * part in partition order; the reply is sent when the handler's stage completes. Offsets are
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
    private final Thread thread;
    private volatile boolean running = true;

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
        this.thread = Thread.ofPlatform().name("perdura-kafka-" + topic).start(this::run);
    }

    private void run() {
        consumer.subscribe(List.of(topic), new Rebalance());
        while (running) {
            try {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    deliver(record);
                }
            } catch (WakeupException e) {
                // closing
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("polling {} failed: {}; retrying", topic, e.getMessage());
                    sleepQuietly();
                }
            }
        }
        try {
            consumer.close(Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            log.warn("closing the consumer of {} failed: {}", topic, e.getMessage());
        }
    }

    private void deliver(ConsumerRecord<String, byte[]> record) {
        long deadline = MessageCodec.longValue(record.headers(), MessageCodec.DEADLINE, Long.MAX_VALUE);
        if (System.currentTimeMillis() > deadline) {
            log.debug("dropping an expired request on {} for key {}", topic, record.key());
            return;
        }
        CompletionStage<?> stage;
        try {
            Object message = MessageCodec.decode(record.headers(), record.value());
            stage = handler.handle(record.key(), message);
        } catch (RuntimeException e) {
            PerduraException error = PerduraException.unwrap(e);
            if (error.errorType() == ErrorType.INTERNAL) {
                log.error("handler of {} failed", topic, e);
            }
            replies.send(record.headers(), null, error);
            return;
        }
        stage.whenComplete((value, error) ->
                replies.send(record.headers(), value, error == null ? null : PerduraException.unwrap(error)));
    }

    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        consumer.wakeup();
        try {
            thread.join(15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Set<Integer> numbers(Collection<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::partition).collect(Collectors.toUnmodifiableSet());
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
