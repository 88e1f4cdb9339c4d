package io.perdura.common.messaging;

import java.util.concurrent.CompletableFuture;

/**
 * The port services talk through. A message sent with a key is delivered to the topic's handler
 * after every earlier message with the same key (per-key order), at least once: handlers must be
 * idempotent. Adapters: {@link InJvmMessageBus} for the dev server; Kafka for the cluster.
 */
public interface MessageBus {

    /**
     * Delivers {@code message} to the handler subscribed to {@code topic}, ordered on {@code key},
     * and completes with the handler's reply (or its error, as a {@link
     * io.perdura.common.error.PerduraException}).
     */
    CompletableFuture<Object> request(String topic, String key, Object message);

    /** Registers the handler of a topic; messages sent before it subscribed wait for it. */
    Subscription subscribe(String topic, MessageHandler handler);

    /** Stops the delivery to one handler. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
