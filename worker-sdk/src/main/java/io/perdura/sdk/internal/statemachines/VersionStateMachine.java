package io.perdura.sdk.internal.statemachines;

import io.perdura.common.history.EventAttributes.MarkerRecorded;
import io.perdura.common.history.HistoryEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A versioned change ({@code Workflow.getVersion}): the version chosen the first time the code passed
 * the change is recorded in a {@code Version} marker and read back from it on replay.
 */
public final class VersionStateMachine extends MarkerStateMachine {

    public static final String MARKER_NAME = "Version";

    private final String changeId;
    private Integer version;

    /** A version to be read from its marker (replay). */
    public VersionStateMachine(String changeId) {
        super(MARKER_NAME);
        this.changeId = changeId;
    }

    /** A version chosen now. */
    public VersionStateMachine(String changeId, int version) {
        super(MARKER_NAME);
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
    ObjectNode details() {
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        details.put("changeId", changeId);
        if (version != null) {
            details.put("version", version);
        }
        return details;
    }

    @Override
    public boolean matches(HistoryEvent event) {
        return isMarkerOf(event, changeId);
    }

    @Override
    void recorded(JsonNode details) {
        JsonNode recorded = details.get("version");
        if (version == null && recorded != null) {
            version = recorded.asInt();
        }
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
