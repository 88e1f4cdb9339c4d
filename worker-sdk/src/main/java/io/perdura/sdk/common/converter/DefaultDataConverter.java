package io.perdura.sdk.common.converter;

import java.lang.reflect.Type;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

/**
 * The {@link DataConverter} over one {@link PayloadConverter}: it writes null as JSON {@code null},
 * reads a missing or {@code null} payload as null (or a primitive's default), passes {@link JsonNode}
 * values through as they are, and hands every other value to the payload converter.
 */
public final class DefaultDataConverter implements DataConverter {

    static final DefaultDataConverter STANDARD_INSTANCE =
            new DefaultDataConverter(JacksonJsonPayloadConverter.getDefaultInstance());

    private final PayloadConverter payloadConverter;

    /** A converter handing values to {@code payloadConverter}. */
    public DefaultDataConverter(PayloadConverter payloadConverter) {
        this.payloadConverter = Objects.requireNonNull(payloadConverter, "payloadConverter");
    }

    /** A converter over Perdura's standard Jackson configuration. */
    public static DefaultDataConverter newDefaultInstance() {
        return STANDARD_INSTANCE;
    }

    /** A converter writing and reading values with {@code mapper}, e.g. the application's own. */
    public static DefaultDataConverter of(JsonMapper mapper) {
        return new DefaultDataConverter(new JacksonJsonPayloadConverter(mapper));
    }

    /** The payload converter values are handed to. */
    public PayloadConverter getPayloadConverter() {
        return payloadConverter;
    }

    @Override
    public JsonNode toPayload(Object value) {
        if (value == null) {
            return NullNode.getInstance();
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        JsonNode payload = payloadConverter.toPayload(value);
        return payload == null ? NullNode.getInstance() : payload;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T fromPayload(JsonNode payload, Class<T> valueClass, Type valueType) {
        if (valueClass == void.class || valueClass == Void.class) {
            return null;
        }
        if (payload == null || payload.isNull() || payload.isMissingNode()) {
            return (T) defaultValue(valueClass);
        }
        if (valueClass == JsonNode.class) {
            return (T) payload;
        }
        return payloadConverter.fromPayload(payload, valueClass, valueType == null ? valueClass : valueType);
    }

    /** Null, or the default of a primitive type (what a missing argument or result reads as). */
    public static Object defaultValue(Class<?> type) {
        if (!type.isPrimitive() || type == void.class) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == char.class) {
            return '\0';
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == double.class) {
            return 0.0d;
        }
        if (type == float.class) {
            return 0.0f;
        }
        if (type == short.class) {
            return (short) 0;
        }
        if (type == byte.class) {
            return (byte) 0;
        }
        return 0;
    }

    @Override
    public String toString() {
        return "DefaultDataConverter[" + payloadConverter + "]";
    }
}
