package io.perdura.sdk.internal.statemachines;

import io.perdura.common.history.EventAttributes.MarkerRecorded;
import io.perdura.common.history.HistoryEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A patch ({@code Workflow.patched} / {@code Workflow.deprecatePatch}): a new run records a {@code
 * Patch} marker the first time its code passes the patch; a replayed run took the patched path
 * exactly when history holds that marker at that point. A marker written by {@code deprecatePatch}
 * says so ({@code deprecated: true}); replay skips such a marker when the code no longer asks for
 * it.
 */
public final class PatchStateMachine extends MarkerStateMachine {

    public static final String MARKER_NAME = "Patch";

    private final String patchId;
    private final boolean deprecated;

    /** The marker of {@code patchId}, recorded by {@code deprecatePatch} when {@code deprecated}. */
    public PatchStateMachine(String patchId, boolean deprecated) {
        super(MARKER_NAME);
        this.patchId = patchId;
        this.deprecated = deprecated;
    }

    /** Whether {@code event} is the Patch marker of {@code patchId}. */
    public static boolean isMarkerOf(HistoryEvent event, String patchId) {
        return event != null
                && event.attributes() instanceof MarkerRecorded m
                && MARKER_NAME.equals(m.markerName())
                && m.details() != null
                && m.details().get("patchId") != null
                && patchId.equals(m.details().get("patchId").asString());
    }

    /** Whether {@code event} is a Patch marker that {@code deprecatePatch} recorded. */
    public static boolean isDeprecatedMarker(HistoryEvent event) {
        return event != null
                && event.attributes() instanceof MarkerRecorded m
                && MARKER_NAME.equals(m.markerName())
                && m.details() != null
                && m.details().path("deprecated").asBoolean(false);
    }

    @Override
    ObjectNode details() {
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        details.put("patchId", patchId);
        details.put("deprecated", deprecated);
        return details;
    }

    @Override
    public boolean matches(HistoryEvent event) {
        return isMarkerOf(event, patchId);
    }

    @Override
    void recorded(JsonNode details) {
        // the marker's presence is the value: nothing to read back
    }

    @Override
    public String describe() {
        return "RecordMarker(markerName=" + MARKER_NAME + ", patchId=" + patchId + ")";
    }
}
