package io.perdura.common.history;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Writes a {@link HistoryEvent} in the order people read one: {@code eventId}, {@code eventTime},
 * {@code eventType}, then {@code attributes}. (Jackson would write an external type id after the
 * attributes; reading accepts any order.)
 */
final class HistoryEventSerializer extends ValueSerializer<HistoryEvent> {

    @Override
    public void serialize(HistoryEvent event, JsonGenerator gen, SerializationContext ctxt) {
        gen.writeStartObject(event);
        gen.writeNumberProperty("eventId", event.eventId());
        if (event.eventTime() != null) {
            gen.writeName("eventTime");
            ctxt.writeValue(gen, event.eventTime());
        }
        gen.writeStringProperty("eventType", event.eventType().name());
        gen.writeName("attributes");
        ctxt.writeValue(gen, event.attributes());
        gen.writeEndObject();
    }
}
