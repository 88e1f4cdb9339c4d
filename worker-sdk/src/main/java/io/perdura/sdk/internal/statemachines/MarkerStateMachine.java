package io.perdura.sdk.internal.statemachines;

import io.perdura.common.command.Command;
import io.perdura.common.history.EventAttributes.MarkerRecorded;
import io.perdura.common.history.HistoryEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A value recorded once in a {@code MarkerRecorded} event and read back from it on every replay:
 * the shared life of side effects and version markers.
 */
public abstract sealed class MarkerStateMachine extends CommandStateMachine
        permits PatchStateMachine, SideEffectStateMachine, VersionStateMachine {

    /** States of a marker. */
    public enum State {
        CREATED,
        RECORDED
    }

    /** Events that move a marker. */
    public enum Event {
        MARKER_RECORDED
    }

    public static final StateMachineDefinition<State, Event> DEFINITION = new StateMachineDefinition<State, Event>(
                    "Marker", State.class)
            .add(State.CREATED, Event.MARKER_RECORDED, State.RECORDED);

    private final String markerName;
    private State state = State.CREATED;

    MarkerStateMachine(String markerName) {
        this.markerName = markerName;
    }

    /** The marker's details as the command records them. */
    abstract ObjectNode details();

    /** Takes the recorded value from the details of the marker history holds. */
    abstract void recorded(JsonNode details);

    @Override
    public final Command.RecordMarker command() {
        return new Command.RecordMarker(markerName, details(), null);
    }

    @Override
    public final void handleCommandEvent(HistoryEvent event) {
        state = DEFINITION.next(state, Event.MARKER_RECORDED);
        JsonNode details = ((MarkerRecorded) event.attributes()).details();
        if (details != null) {
            recorded(details);
        }
    }

    public final State state() {
        return state;
    }

    @Override
    public final boolean isFinal() {
        return state == State.RECORDED;
    }
}
