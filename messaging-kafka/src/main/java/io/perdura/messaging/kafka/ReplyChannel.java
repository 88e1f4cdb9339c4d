package io.perdura.messaging.kafka;

import io.perdura.common.error.ErrorType;
import io.perdura.common.error.PerduraException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Where this process's requests are answered: one partition of the replies topic, read from its end
 * without a consumer group. Replies to requests of other processes that share the partition, and
 * late replies to requests whose caller gave up, find no waiting future and are skipped.
 */
final class ReplyChannel implements AutoCloseable {

    private final TopicPartition partition;
    private final Map<String, CompletableFuture<Object>> pending = new ConcurrentHashMap<>();
    private final PollLoop loop;

    ReplyChannel(Consumer<String, byte[]> consumer, TopicPartition partition) {
        this.partition = partition;
        consumer.assign(List.of(partition));
        consumer.seekToEnd(List.of(partition));
        consumer.position(partition); // from here on: a reply sent after this returns is read
        this.loop = new PollLoop("perdura-kafka-replies-" + partition.partition(), consumer, this::complete);
        loop.start(() -> {});
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

    @Override
    public void close() {
        loop.close();
        pending.values()
                .forEach(reply -> reply.completeExceptionally(
                        new PerduraException(ErrorType.UNAVAILABLE, "the message bus is closing")));
    }
}
