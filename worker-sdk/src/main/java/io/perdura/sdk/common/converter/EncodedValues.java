package io.perdura.sdk.common.converter;

import java.lang.reflect.Type;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Arguments as they were sent (a JSON array), converted to a Java type when read: what a {@link
 * io.perdura.sdk.workflow.DynamicSignalHandler} or {@link io.perdura.sdk.workflow.DynamicQueryHandler}
 * is given, as in Temporal.
 */
public final class EncodedValues {

    private final JsonNode values;
    private final DataConverter converter;

    /** {@code values}: a JSON array (null or another value is read as no values, or as one value). */
    public EncodedValues(JsonNode values) {
        this(values, DataConverter.getDefaultInstance());
    }

    /** {@code values} (as in {@link #EncodedValues(JsonNode)}), read with {@code converter}. */
    public EncodedValues(JsonNode values, DataConverter converter) {
        this.converter = java.util.Objects.requireNonNull(converter, "converter");
        if (values == null || values.isNull() || values.isMissingNode()) {
            this.values = JsonNodeFactory.instance.arrayNode();
        } else if (values.isArray()) {
            this.values = values;
        } else {
            this.values = JsonNodeFactory.instance.arrayNode().add(values);
        }
    }

    /** Number of values. */
    public int getSize() {
        return values.size();
    }

    /** The first value converted to {@code parameterType}. */
    public <T> T get(Class<T> parameterType) {
        return get(0, parameterType);
    }

    /** Value number {@code index} (from 0) converted to {@code parameterType}. */
    public <T> T get(int index, Class<T> parameterType) {
        return get(index, parameterType, parameterType);
    }

    /** Value number {@code index} (from 0) converted to {@code genericParameterType}, e.g. a {@code List<Order>}. */
    public <T> T get(int index, Class<T> parameterType, Type genericParameterType) {
        if (index < 0 || index >= values.size()) {
            throw new IndexOutOfBoundsException("no value " + index + ": there are " + values.size());
        }
        return converter.fromPayload(values.get(index), parameterType, genericParameterType);
    }

    /** The values as a JSON array. */
    public JsonNode toJson() {
        return values.deepCopy();
    }

    @Override
    public String toString() {
        return "EncodedValues" + values;
    }
}
