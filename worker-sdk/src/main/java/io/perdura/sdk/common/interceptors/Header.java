package io.perdura.sdk.common.interceptors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

/**
 * Context carried beside a call's arguments (Temporal's {@code Header}): named JSON values that the
 * client's start, an activity or a child workflow carry, recorded in history with them and handed to
 * the interceptors on the other side. Interceptors put into it on the outbound side (before the next
 * interceptor is called) and read it on the inbound side. Not thread-safe.
 */
public final class Header {

    private final Map<String, JsonNode> values;

    private Header(Map<String, JsonNode> values) {
        this.values = values;
    }

    /** An empty header to put into. */
    public static Header empty() {
        return new Header(new LinkedHashMap<>());
    }

    /** A header holding a copy of {@code values}. */
    public static Header of(Map<String, JsonNode> values) {
        return new Header(new LinkedHashMap<>(values));
    }

    /** Sets {@code key} to {@code value}; returns this header. */
    public Header put(String key, JsonNode value) {
        values.put(key, value);
        return this;
    }

    /** Sets {@code key} to the JSON string {@code value}; returns this header. */
    public Header put(String key, String value) {
        values.put(key, StringNode.valueOf(value));
        return this;
    }

    /** The value of {@code key}, or null. */
    public JsonNode get(String key) {
        return values.get(key);
    }

    /** The value of {@code key} as text (a JSON string's content, else its JSON), or null. */
    public String getString(String key) {
        JsonNode value = values.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isString() ? value.asString() : value.toString();
    }

    /** The values, by name, in insertion order (read-only). */
    public Map<String, JsonNode> getValues() {
        return Collections.unmodifiableMap(values);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public String toString() {
        return "Header" + values;
    }
}
