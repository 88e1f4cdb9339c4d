package io.perdura.sdk.common.converter;

import java.lang.reflect.Type;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Converts the values the application sends through Perdura (workflow and activity arguments and
 * results, signal, query and update arguments and results, side-effect values, heartbeat details) to
 * the JSON payloads the server stores, and back. Set one with {@link
 * io.perdura.sdk.client.WorkflowClientOptions.Builder#setDataConverter}: the client, the workers
 * created from that client, their workflow code and activities all use it. Implementations must be
 * thread-safe and deterministic.
 */
public interface DataConverter {

    /** The standard converter: Perdura's Jackson configuration ({@link JacksonJsonPayloadConverter}). */
    static DataConverter getDefaultInstance() {
        return DefaultDataConverter.STANDARD_INSTANCE;
    }

    /** The payload of {@code value}; null becomes JSON {@code null}. */
    JsonNode toPayload(Object value);

    /**
     * {@code payload} as a {@code valueType} (e.g. a {@code List<Order>}); a missing or JSON {@code
     * null} payload gives null, or the default of a primitive type.
     */
    <T> T fromPayload(JsonNode payload, Class<T> valueClass, Type valueType);

    /** {@code payload} as a {@code valueClass}. */
    default <T> T fromPayload(JsonNode payload, Class<T> valueClass) {
        return fromPayload(payload, valueClass, valueClass);
    }

    /** A JSON array of the payloads of {@code values} ({@code []} for none). */
    default ArrayNode toPayloads(Object... values) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        if (values != null) {
            for (Object value : values) {
                array.add(toPayload(value));
            }
        }
        return array;
    }

    /**
     * The values of a JSON array of payloads, one per parameter type; a missing element is read as
     * a missing payload (null, or a primitive's default).
     */
    default Object[] fromPayloads(JsonNode payloads, Class<?>[] valueClasses, Type[] valueTypes) {
        Object[] values = new Object[valueClasses.length];
        for (int i = 0; i < values.length; i++) {
            JsonNode payload = payloads != null && payloads.isArray() && i < payloads.size() ? payloads.get(i) : null;
            values[i] = fromPayload(payload, valueClasses[i], valueTypes[i]);
        }
        return values;
    }
}
