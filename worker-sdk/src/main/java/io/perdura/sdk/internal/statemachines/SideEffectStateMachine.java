package io.perdura.sdk.internal.statemachines;

import io.perdura.common.history.EventAttributes.MarkerRecorded;
import io.perdura.common.history.HistoryEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A side effect: its value is computed once, recorded in a {@code SideEffect} marker, and read back
 * from the marker on every replay.
 */
public final class SideEffectStateMachine extends MarkerStateMachine {

    public static final String MARKER_NAME = "SideEffect";

    private final long id;
    private JsonNode value;

    /** A side effect whose value is not known yet: it is replayed from its marker. */
    public SideEffectStateMachine(long id) {
        super(MARKER_NAME);
        this.id = id;
    }

    /** A side effect executed now, with its value. */
    public SideEffectStateMachine(long id, JsonNode value) {
        super(MARKER_NAME);
        this.id = id;
        this.value = value;
    }

    /** Whether {@code event} is the marker of side effect number {@code id}. */
    public static boolean isMarkerOf(HistoryEvent event, long id) {
        return event.attributes() instanceof MarkerRecorded m
                && MARKER_NAME.equals(m.markerName())
                && m.details() != null
                && m.details().get("id") != null
                && m.details().get("id").asLong() == id;
    }

    @Override
    ObjectNode details() {
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        details.put("id", id);
        details.set("data", value);
        return details;
    }

    @Override
    public boolean matches(HistoryEvent event) {
        return isMarkerOf(event, id);
    }

    @Override
    void recorded(JsonNode details) {
        if (value == null) {
            value = details.get("data");
        }
    }

    /** The recorded value (null until known). */
    public JsonNode value() {
        return value;
    }

    @Override
    public String describe() {
        return "RecordMarker(markerName=" + MARKER_NAME + ")";
    }
}
