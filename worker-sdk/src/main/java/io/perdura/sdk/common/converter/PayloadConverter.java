package io.perdura.sdk.common.converter;

import java.lang.reflect.Type;
import tools.jackson.databind.JsonNode;

/**
 * Converts one non-null Java value to its JSON payload and back. The {@link DefaultDataConverter}
 * takes care of nulls, {@code void}, primitive defaults and {@link JsonNode} values around it; a
 * {@code PayloadConverter} only sees real values. Implementations must be thread-safe and
 * deterministic: workflow code replays through them.
 */
public interface PayloadConverter {

    /** The payload of {@code value}, which is never null. */
    JsonNode toPayload(Object value);

    /** The value of {@code payload}, which is never null nor JSON {@code null}, as {@code valueType}. */
    <T> T fromPayload(JsonNode payload, Class<T> valueClass, Type valueType);
}
