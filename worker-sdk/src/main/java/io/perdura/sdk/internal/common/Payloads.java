package io.perdura.sdk.internal.common;

import io.perdura.sdk.common.converter.DataConverter;
import java.lang.reflect.Method;
import tools.jackson.databind.JsonNode;

/** Reads a method's arguments with a {@link DataConverter}. */
public final class Payloads {

    private Payloads() {}

    /** The arguments of {@code method} read from a JSON array; missing ones are null (or the primitive default). */
    public static Object[] arguments(DataConverter converter, JsonNode input, Method method) {
        return converter.fromPayloads(input, method.getParameterTypes(), method.getGenericParameterTypes());
    }
}
