package io.perdura.common.model;

import tools.jackson.databind.JsonNode;

/**
 * The header of a workflow start, an activity or a child (Temporal's {@code Header}): a JSON object
 * whose fields are context that interceptors pass along (a trace context, a tenant …), never the
 * payload itself. Absent and empty are the same: null, omitted from JSON.
 */
public final class Headers {

    private Headers() {}

    /** {@code header}, or null when it is absent, JSON null or an empty object. */
    public static JsonNode normalize(JsonNode header) {
        if (header == null || header.isNull() || header.isMissingNode() || (header.isObject() && header.isEmpty())) {
            return null;
        }
        return header;
    }
}
