package io.perdura.history.mutablestate;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.perdura.common.json.Json;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes MutableState as JSON text (fields, not accessors; transient fields skipped). */
public final class MutableStateCodec {

    private static final JsonMapper MAPPER = Json.configure(JsonMapper.builder())
            .changeDefaultVisibility(checker -> checker.withFieldVisibility(Visibility.ANY)
                    .withGetterVisibility(Visibility.NONE)
                    .withIsGetterVisibility(Visibility.NONE)
                    .withSetterVisibility(Visibility.NONE))
            .build();

    private MutableStateCodec() {}

    public static String write(MutableState state) {
        return MAPPER.writeValueAsString(state);
    }

    public static MutableState read(String json, long dbVersion) {
        MutableState state = MAPPER.readValue(json, MutableState.class);
        state.dbVersion(dbVersion);
        return state;
    }
}
