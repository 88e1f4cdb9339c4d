package io.perdura.common.messaging;

import io.perdura.common.error.ErrorType;
import io.perdura.common.error.PerduraException;
import io.perdura.common.json.Durations;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The port services talk through. A message sent with a key is delivered to the topic's handler
 * after every earlier message with the same key (per-key order), at least once: handlers must be
 * idempotent. A topic has a fixed number of partitions; a key belongs to partition {@link
 * Partitioning#partitionOf(String, int)}, and each partition is handled by one subscriber at a time.
 * Adapters: {@link InJvmMessageBus} for the dev server; {@code KafkaMessageBus} for the cluster.
 */
public interface MessageBus {

    /**
     * Delivers {@code message} to the handler subscribed to {@code topic}, ordered on {@code key},
     * and completes with the handler's reply (or its error, as a {@link
     * io.perdura.common.error.PerduraException}). Fails with {@code UNAVAILABLE} when no reply came
     * within {@code timeout}; a message whose caller gave up may then be dropped unhandled.
     */
    CompletableFuture<Object> request(String topic, String key, Object message, Duration timeout);

    /**
     * Registers this process's handler of a topic. The bus tells {@code listener} which partitions
     * the subscription owns: {@link PartitionListener#assigned} before the first message of a
     * partition, {@link PartitionListener#revoked} after its last one, and when the subscription
     * closes. Messages sent before anyone subscribed wait for a subscriber.
     */
    Subscription subscribe(String topic, MessageHandler handler, PartitionListener listener);

    /** {@link #subscribe(String, MessageHandler, PartitionListener)} without a listener. */
    default Subscription subscribe(String topic, MessageHandler handler) {
        return subscribe(topic, handler, PartitionListener.NONE);
    }

    /** The fixed number of partitions of {@code topic}. */
    int partitions(String topic);

    /**
     * {@code reply}, failing with {@code UNAVAILABLE} when it did not come within {@code timeout}:
     * how every adapter bounds {@link #request}.
     */
    static CompletableFuture<Object> timingOut(CompletableFuture<Object> reply, String topic, Duration timeout) {
        return reply.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).exceptionallyCompose(error -> {
            if (error instanceof TimeoutException) {
                return CompletableFuture.failedFuture(new PerduraException(
                        ErrorType.UNAVAILABLE, topic + " gave no answer within " + Durations.format(timeout)));
            }
            return CompletableFuture.failedFuture(error);
        });
    }

    /** Stops the delivery to one handler. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
