package io.perdura.messaging.kafka;

import io.perdura.common.error.PerduraException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends a handler's answer to the replies partition its requester reads. */
final class ReplySender {

    private static final Logger log = LoggerFactory.getLogger(ReplySender.class);

    private final Producer<String, byte[]> producer;
    private final String repliesTopic;

    ReplySender(Producer<String, byte[]> producer, String repliesTopic) {
        this.producer = producer;
        this.repliesTopic = repliesTopic;
    }

    /** Answers the request with {@code requestHeaders}: {@code error} when set, else {@code value}. */
    void send(Headers requestHeaders, Object value, PerduraException error) {
        String correlationId = MessageCodec.string(requestHeaders, MessageCodec.CORRELATION);
        String partition = MessageCodec.string(requestHeaders, MessageCodec.REPLY_PARTITION);
        if (correlationId == null || partition == null) {
            return;
        }
        byte[] body =
                error != null ? MessageCodec.utf8(String.valueOf(error.getMessage())) : MessageCodec.encode(value);
        ProducerRecord<String, byte[]> reply =
                new ProducerRecord<>(repliesTopic, Integer.parseInt(partition), null, body);
        if (error != null) {
            reply.headers()
                    .add(MessageCodec.ERROR, MessageCodec.utf8(error.errorType().name()));
        } else {
            MessageCodec.type(reply.headers(), value);
        }
        reply.headers().add(MessageCodec.CORRELATION, MessageCodec.utf8(correlationId));
        try {
            producer.send(reply, (metadata, failure) -> {
                if (failure != null) {
                    log.warn("a reply could not be sent: {}", failure.getMessage());
                }
            });
        } catch (RuntimeException e) {
            log.warn("a reply could not be sent: {}", e.getMessage());
        }
    }
}
