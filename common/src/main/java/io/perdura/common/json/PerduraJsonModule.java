package io.perdura.common.json;

import java.time.Duration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/** Writes durations as {@code 10s}; reads them in every form {@link Durations} accepts. */
final class PerduraJsonModule extends SimpleModule {

    PerduraJsonModule() {
        super("perdura");
        addSerializer(Duration.class, new ValueSerializer<>() {
            @Override
            public void serialize(Duration value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeString(Durations.format(value));
            }
        });
        addDeserializer(Duration.class, new ValueDeserializer<>() {
            @Override
            public Duration deserialize(JsonParser p, DeserializationContext ctxt) {
                if (p.currentToken().isNumeric()) {
                    return Duration.ofMillis(Math.round(p.getDoubleValue() * 1000));
                }
                String text = p.getString();
                try {
                    return Durations.parse(text);
                } catch (RuntimeException e) {
                    throw InvalidFormatException.from(p, e.getMessage(), text, Duration.class);
                }
            }
        });
    }
}
