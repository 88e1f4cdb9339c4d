package io.perdura.messaging.kafka;

import io.perdura.common.error.ErrorType;
import io.perdura.common.error.PerduraException;
import io.perdura.common.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * How messages and replies travel in Kafka records: the value is the object's JSON (Perdura's one
 * JSON convention), its class is the {@value #TYPE} header, and the request/reply bookkeeping lives
 * in headers too. Only Perdura's own types (and a few plain JDK values) are ever instantiated from a
 * record.
 */
final class MessageCodec {

    /** Class of the value; absent for a null value. */
    static final String TYPE = "perdura-type";
    /** Correlates a reply with its request. */
    static final String CORRELATION = "perdura-correlation";
    /** The replies partition the requester reads. */
    static final String REPLY_PARTITION = "perdura-reply-partition";
    /** Epoch millis after which the requester no longer waits: the request is dropped unhandled. */
    static final String DEADLINE = "perdura-deadline";
    /** On an error reply: the {@link ErrorType}; the value is the message. */
    static final String ERROR = "perdura-error";

    private static final String ALLOWED_PACKAGE = "io.perdura.";
    private static final Set<String> ALLOWED_JDK_TYPES =
            Set.of(String.class.getName(), Boolean.class.getName(), Integer.class.getName(), Long.class.getName());

    private MessageCodec() {}

    static byte[] encode(Object value) {
        return value == null ? null : Json.writeBytes(value);
    }

    static void type(Headers headers, Object value) {
        if (value != null) {
            headers.add(TYPE, utf8(value.getClass().getName()));
        }
    }

    static Object decode(Headers headers, byte[] value) {
        String type = string(headers, TYPE);
        if (type == null || value == null) {
            return null;
        }
        if (!type.startsWith(ALLOWED_PACKAGE) && !ALLOWED_JDK_TYPES.contains(type)) {
            throw new PerduraException(ErrorType.INVALID_ARGUMENT, "refusing a message of foreign type " + type);
        }
        try {
            return Json.read(value, Class.forName(type, false, MessageCodec.class.getClassLoader()));
        } catch (ClassNotFoundException e) {
            throw new PerduraException(ErrorType.INVALID_ARGUMENT, "unknown message type " + type, e);
        }
    }

    static PerduraException error(Headers headers, byte[] value) {
        ErrorType type = ErrorType.valueOf(string(headers, ERROR));
        return new PerduraException(type, value == null ? type.title() : new String(value, StandardCharsets.UTF_8));
    }

    static String string(Headers headers, String key) {
        Header header = headers.lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static long longValue(Headers headers, String key, long otherwise) {
        Header header = headers.lastHeader(key);
        return header == null || header.value().length != Long.BYTES
                ? otherwise
                : ByteBuffer.wrap(header.value()).getLong();
    }

    static byte[] longBytes(long value) {
        return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
    }

    static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
