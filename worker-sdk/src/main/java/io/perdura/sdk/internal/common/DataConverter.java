package io.perdura.sdk.internal.common;

import io.perdura.common.json.Json;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;

/** Converts arguments and results between Java values and the JSON payloads of the API. */
public final class DataConverter {

    private DataConverter() {}

    /** A JSON array of the arguments ({@code []} for none). */
    public static ArrayNode toPayloads(Object[] args) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        if (args != null) {
            for (Object arg : args) {
                array.add(toPayload(arg));
            }
        }
        return array;
    }

    public static JsonNode toPayload(Object value) {
        if (value == null) {
            return NullNode.getInstance();
        }
        JsonNode node = Json.tree(value);
        return node == null ? NullNode.getInstance() : node;
    }

    /** The method's arguments read from a JSON array; missing ones are null (or the primitive default). */
    public static Object[] fromPayloads(JsonNode input, Method method) {
        Type[] types = method.getGenericParameterTypes();
        Class<?>[] raw = method.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            JsonNode node = input != null && input.isArray() && i < input.size() ? input.get(i) : null;
            args[i] = node == null ? defaultValue(raw[i]) : fromPayload(node, raw[i], types[i]);
        }
        return args;
    }

    public static <T> T fromPayload(JsonNode node, Class<T> type) {
        return fromPayload(node, type, type);
    }

    @SuppressWarnings("unchecked")
    public static <T> T fromPayload(JsonNode node, Class<T> type, Type genericType) {
        if (type == void.class || type == Void.class) {
            return null;
        }
        if (node == null || node.isNull() || node.isMissingNode()) {
            return (T) defaultValue(type);
        }
        if (type == JsonNode.class) {
            return (T) node;
        }
        JavaType javaType = Json.mapper().getTypeFactory().constructType(genericType == null ? type : genericType);
        return Json.mapper().readerFor(javaType).readValue(node);
    }

    /** Null, or the default of a primitive type. */
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
}
