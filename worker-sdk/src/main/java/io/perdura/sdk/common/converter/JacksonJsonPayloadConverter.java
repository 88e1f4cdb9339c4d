package io.perdura.sdk.common.converter;

import io.perdura.common.json.Json;
import java.lang.reflect.Type;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes values to JSON trees and reads them back with a Jackson {@link JsonMapper}: Perdura's
 * standard one ({@link #getDefaultInstance()}), or one the application configured. A mapper that
 * differs between the client and the workers, or between deployments of a workflow, can break
 * replay: keep it the same everywhere.
 */
public final class JacksonJsonPayloadConverter implements PayloadConverter {

    private static final JacksonJsonPayloadConverter DEFAULT = new JacksonJsonPayloadConverter(Json.mapper());

    private final JsonMapper mapper;

    /** A converter over {@code mapper}. */
    public JacksonJsonPayloadConverter(JsonMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /** The converter over Perdura's standard mapper (ISO dates and durations, nulls left out). */
    public static JacksonJsonPayloadConverter getDefaultInstance() {
        return DEFAULT;
    }

    /** The mapper values are written and read with. */
    public JsonMapper getMapper() {
        return mapper;
    }

    @Override
    public JsonNode toPayload(Object value) {
        return mapper.valueToTree(value);
    }

    @Override
    public <T> T fromPayload(JsonNode payload, Class<T> valueClass, Type valueType) {
        return mapper.readerFor(mapper.getTypeFactory().constructType(valueType))
                .readValue(payload);
    }
}
