package io.perdura.sdk.internal.statemachines;

import io.perdura.common.command.Command;
import io.perdura.common.history.EventAttributes.MarkerRecorded;
import io.perdura.common.history.HistoryEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A versioned change ({@code Workflow.getVersion}): the version chosen the first time the code passed
 * the change is recorded in a {@code Version} marker and read back from it on replay.
 */
public final class VersionStateMachine extends CommandStateMachine {

    public static final String MARKER_NAME = "Version";

    /** States of a version marker. */
    public enum State {
        CREATED,
        RECORDED
    }

    /** Events that move a version marker. */
    public enum Event {
        MARKER_RECORDED
    }

    public static final StateMachineDefinition<State, Event> DEFINITION = new StateMachineDefinition<State, Event>(
                    "Version", State.class)
            .add(State.CREATED, Event.MARKER_RECORDED, State.RECORDED);

    private final String changeId;
    private State state = State.CREATED;
    private Integer version;

    /** A version to be read from its marker (replay). */
    public VersionStateMachine(String changeId) {
        this.changeId = changeId;
    }

    /** A version chosen now. */
    public VersionStateMachine(String changeId, int version) {
        this.changeId = changeId;
        this.version = version;
    }

    /** Whether {@code event} is the Version marker of {@code changeId}. */
    public static boolean isMarkerOf(HistoryEvent event, String changeId) {
        return event != null
                && event.attributes() instanceof MarkerRecorded m
                && MARKER_NAME.equals(m.markerName())
                && m.details() != null
                && m.details().get("changeId") != null
                && changeId.equals(m.details().get("changeId").asString());
    }

    @Override
    public Command.RecordMarker command() {
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        details.put("changeId", changeId);
        if (version != null) {
            details.put("version", version);
        }
        return new Command.RecordMarker(MARKER_NAME, details, null);
    }

    @Override
    public boolean matches(HistoryEvent event) {
        return isMarkerOf(event, changeId);
    }

    @Override
    public void handleCommandEvent(HistoryEvent event) {
        state = DEFINITION.next(state, Event.MARKER_RECORDED);
        JsonNode recorded = ((MarkerRecorded) event.attributes()).details().get("version");
        if (version == null && recorded != null) {
            version = recorded.asInt();
        }
    }

    public State state() {
        return state;
    }

    /** The version, or null until known. */
    public Integer version() {
        return version;
    }

    @Override
    public String describe() {
        return "RecordMarker(markerName=" + MARKER_NAME + ", changeId=" + changeId + ")";
    }
}
