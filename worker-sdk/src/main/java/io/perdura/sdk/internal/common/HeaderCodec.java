package io.perdura.sdk.internal.common;

import io.perdura.sdk.common.interceptors.Header;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** A {@link Header} to and from its wire form, a JSON object (null when empty). */
public final class HeaderCodec {

    private HeaderCodec() {}

    /** The JSON object of {@code header}, or null when it is null or empty. */
    public static JsonNode toJson(Header header) {
        if (header == null || header.isEmpty()) {
            return null;
        }
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        header.getValues().forEach(object::set);
        return object;
    }

    /** The header of a JSON object (null or not an object: an empty header). */
    public static Header fromJson(JsonNode json) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        if (json != null && json.isObject()) {
            json.properties().forEach(e -> values.put(e.getKey(), e.getValue()));
        }
        return Header.of(values);
    }
}
