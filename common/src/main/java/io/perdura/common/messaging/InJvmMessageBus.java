package io.perdura.common.messaging;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The in-JVM adapter of {@link MessageBus}: each topic has a fixed number of partitions, each
 * drained in order by one virtual thread. Used by the dev server, where every service shares one
 * JVM.
 */
public final class InJvmMessageBus implements MessageBus, AutoCloseable {

    private final int partitions;
    private final Map<String, TopicPartitions> topics = new ConcurrentHashMap<>();

    public InJvmMessageBus(int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1");
        }
        this.partitions = partitions;
    }

    @Override
    public CompletableFuture<Object> request(String topic, String key, Object message, Duration timeout) {
        CompletableFuture<Object> reply = new CompletableFuture<>();
        topic(topic).enqueue(key, new Envelope(key, message, reply));
        return MessageBus.timingOut(reply, topic, timeout);
    }

    /** Every partition of the topic is this JVM's: {@code listener} is told so at once. */
    @Override
    public Subscription subscribe(String topic, MessageHandler handler, PartitionListener listener) {
        TopicPartitions partitions = topic(topic);
        Set<Integer> all = IntStream.range(0, this.partitions).boxed().collect(Collectors.toUnmodifiableSet());
        listener.assigned(all);
        partitions.start(handler);
        return () -> {
            if (partitions.stop()) {
                listener.revoked(all);
            }
        };
    }

    @Override
    public int partitions(String topic) {
        return partitions;
    }

    @Override
    public void close() {
        topics.values().forEach(TopicPartitions::stop);
    }

    private TopicPartitions topic(String name) {
        return topics.computeIfAbsent(name, n -> new TopicPartitions(n, partitions));
    }

    private record Envelope(String key, Object message, CompletableFuture<Object> reply) {}

    private static final class TopicPartitions {
        private final String name;
        private final BlockingQueue<Envelope>[] queues;
        private final Thread[] threads;

        @SuppressWarnings("unchecked")
        TopicPartitions(String name, int count) {
            this.name = name;
            this.queues = new BlockingQueue[count];
            this.threads = new Thread[count];
            for (int i = 0; i < count; i++) {
                queues[i] = new LinkedBlockingQueue<>();
            }
        }

        void enqueue(String key, Envelope envelope) {
            queues[Partitioning.partitionOf(key, queues.length)].add(envelope);
        }

        synchronized void start(MessageHandler handler) {
            if (threads[0] != null) {
                throw new IllegalStateException("topic " + name + " already has a handler");
            }
            for (int i = 0; i < queues.length; i++) {
                BlockingQueue<Envelope> queue = queues[i];
                threads[i] = Thread.ofVirtual().name(name + "-" + i).start(() -> drain(queue, handler));
            }
        }

        /** Stops the delivery; false when it was not running. */
        synchronized boolean stop() {
            boolean running = false;
            for (int i = 0; i < threads.length; i++) {
                if (threads[i] != null) {
                    threads[i].interrupt();
                    threads[i] = null;
                    running = true;
                }
            }
            return running;
        }

        private void drain(BlockingQueue<Envelope> queue, MessageHandler handler) {
            while (!Thread.currentThread().isInterrupted()) {
                Envelope envelope;
                try {
                    envelope = queue.take();
                } catch (InterruptedException e) {
                    return;
                }
                deliver(envelope, handler);
            }
        }

        private void deliver(Envelope envelope, MessageHandler handler) {
            MessageDelivery.deliver(name, () -> handler.handle(envelope.key(), envelope.message()))
                    .whenComplete((value, error) -> {
                        if (error != null) {
                            envelope.reply().completeExceptionally(error);
                        } else {
                            envelope.reply().complete(value);
                        }
                    });
        }
    }
}
