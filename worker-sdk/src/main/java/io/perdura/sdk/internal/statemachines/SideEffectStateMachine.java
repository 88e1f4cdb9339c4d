package io.perdura.sdk.internal.statemachines;

import io.perdura.common.command.Command;
import io.perdura.common.history.EventAttributes.MarkerRecorded;
import io.perdura.common.history.HistoryEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A side effect: its value is computed once, recorded in a {@code SideEffect} marker, and read back
 * from the marker on every replay.
 */
public final class SideEffectStateMachine extends CommandStateMachine {

    public static final String MARKER_NAME = "SideEffect";

    /** States of a side effect. */
    public enum State {
        CREATED,
        RECORDED
    }

    /** Events that move a side effect. */
    public enum Event {
        MARKER_RECORDED
    }

    public static final StateMachineDefinition<State, Event> DEFINITION = new StateMachineDefinition<State, Event>(
                    "SideEffect", State.class)
            .add(State.CREATED, Event.MARKER_RECORDED, State.RECORDED);

    private final long id;
    private State state = State.CREATED;
    private JsonNode value;

    /** A side effect whose value is not known yet: it is replayed from its marker. */
    public SideEffectStateMachine(long id) {
        this.id = id;
    }

    /** A side effect executed now, with its value. */
    public SideEffectStateMachine(long id, JsonNode value) {
        this.id = id;
        this.value = value;
    }

    @Override
    public Command.RecordMarker command() {
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        details.put("id", id);
        details.set("data", value);
        return new Command.RecordMarker(MARKER_NAME, details, null);
    }

    @Override
    public boolean matches(HistoryEvent event) {
        return event.attributes() instanceof MarkerRecorded m && MARKER_NAME.equals(m.markerName());
    }

    @Override
    public void handleCommandEvent(HistoryEvent event) {
        state = DEFINITION.next(state, Event.MARKER_RECORDED);
        JsonNode details = ((MarkerRecorded) event.attributes()).details();
        if (value == null && details != null) {
            value = details.get("data");
        }
    }

    public State state() {
        return state;
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
