package io.perdura.messaging.kafka;

import io.perdura.common.error.ErrorType;
import io.perdura.common.error.PerduraException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where this process's requests are answered: one partition of the replies topic, read from its end
 * without a consumer group. Replies to requests of other processes that share the partition, and
 * late replies to requests whose caller gave up, find no waiting future and are skipped.
 */
final class ReplyChannel implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReplyChannel.class);

    private final Consumer<String, byte[]> consumer;
    private final TopicPartition partition;
    private final Map<String, CompletableFuture<Object>> pending = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    ReplyChannel(Consumer<String, byte[]> consumer, TopicPartition partition) {
        this.consumer = consumer;
        this.partition = partition;
        consumer.assign(List.of(partition));
        consumer.seekToEnd(List.of(partition));
        consumer.position(partition);
        this.thread = Thread.ofPlatform()
                .daemon()
                .name("perdura-kafka-replies-" + partition.partition())
                .start(this::run);
    }

    int partition() {
        return partition.partition();
    }

    /** Waits for the reply to {@code correlationId}; the caller completes or times it out. */
    CompletableFuture<Object> expect(String correlationId) {
        CompletableFuture<Object> reply = new CompletableFuture<>();
        pending.put(correlationId, reply);
        reply.whenComplete((value, error) -> pending.remove(correlationId));
        return reply;
    }

    int waiting() {
        return pending.size();
    }

    private void run() {
        while (running) {
            try {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    complete(record);
                }
            } catch (WakeupException e) {
                // closing
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("reading replies failed: {}; retrying", e.getMessage());
                    sleepQuietly();
                }
            }
        }
        consumer.close(Duration.ofSeconds(2));
    }

    private void complete(ConsumerRecord<String, byte[]> record) {
        String correlationId = MessageCodec.string(record.headers(), MessageCodec.CORRELATION);
        CompletableFuture<Object> reply = correlationId == null ? null : pending.get(correlationId);
        if (reply == null) {
            return;
        }
        try {
            if (record.headers().lastHeader(MessageCodec.ERROR) != null) {
                reply.completeExceptionally(MessageCodec.error(record.headers(), record.value()));
            } else {
                reply.complete(MessageCodec.decode(record.headers(), record.value()));
            }
        } catch (RuntimeException e) {
            reply.completeExceptionally(
                    new PerduraException(ErrorType.INTERNAL, "unreadable reply: " + e.getMessage(), e));
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pending.values()
                .forEach(reply -> reply.completeExceptionally(
                        new PerduraException(ErrorType.UNAVAILABLE, "the message bus is closing")));
    }
}
