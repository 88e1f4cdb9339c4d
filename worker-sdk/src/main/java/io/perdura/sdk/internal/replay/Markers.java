package io.perdura.sdk.internal.replay;

import io.perdura.common.history.EventAttributes.MarkerRecorded;
import io.perdura.common.history.HistoryEvent;
import io.perdura.sdk.internal.statemachines.PatchStateMachine;
import io.perdura.sdk.internal.statemachines.SideEffectStateMachine;
import io.perdura.sdk.internal.statemachines.VersionStateMachine;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Side effects, versions and patches: values recorded once in markers. The code needs them at once, so on
 * replay they are read from the marker among the replayed task's command events (the order is
 * checked with the task's other commands once the code blocked).
 */
final class Markers {

    /** The version {@link #getVersion} returns for code that ran before a change was made. */
    static final int DEFAULT_VERSION = -1;

    private final WorkflowRunContext context;
    private final Commands commands;
    private final Map<String, Integer> versions = new HashMap<>();
    private final Map<String, Boolean> patches = new HashMap<>();
    private int sideEffectSeq;

    Markers(WorkflowRunContext context, Commands commands) {
        this.context = context;
        this.commands = commands;
    }

    <R> R sideEffect(Class<R> type, Supplier<R> fn) {
        long id = ++sideEffectSeq;
        JsonNode value;
        if (commands.isReplaying()) {
            HistoryEvent marker = commands.findRecorded(e -> SideEffectStateMachine.isMarkerOf(e, id));
            if (marker == null) {
                commands.setNonDeterminism("workflow code produced RecordMarker(markerName="
                        + SideEffectStateMachine.MARKER_NAME + ") for side effect " + id
                        + " but history records no such marker for the workflow task started at eventId "
                        + commands.replayedTaskStartedEventId());
                context.parkForever();
            }
            value = marker.attributes(MarkerRecorded.class).details().get("data");
        } else {
            value = context.dataConverter().toPayload(fn.get());
        }
        context.addCommand(new SideEffectStateMachine(id, value));
        return context.dataConverter().fromPayload(value, type);
    }

    /**
     * The version of a change: {@code maxSupported} when the code passes it for the first time
     * (recorded in a marker), the recorded version on replay, or {@link #DEFAULT_VERSION} when history
     * was written before the change existed.
     */
    int getVersion(String changeId, int minSupported, int maxSupported) {
        Integer version = versions.get(changeId);
        if (version == null) {
            if (commands.isReplaying()) {
                HistoryEvent marker = commands.findRecorded(e -> VersionStateMachine.isMarkerOf(e, changeId));
                if (marker != null) {
                    JsonNode recorded =
                            marker.attributes(MarkerRecorded.class).details().get("version");
                    version = recorded == null ? DEFAULT_VERSION : recorded.asInt();
                    context.addCommand(new VersionStateMachine(changeId, version));
                } else {
                    version = DEFAULT_VERSION;
                }
            } else {
                context.addCommand(new VersionStateMachine(changeId, maxSupported));
                version = maxSupported;
            }
            versions.put(changeId, version);
        }
        if (version < minSupported || version > maxSupported) {
            throw new IllegalStateException("version " + version + " of change '" + changeId
                    + "' is outside the range the code supports [" + minSupported + ", " + maxSupported + "]");
        }
        return version;
    }

    /**
     * Whether the code takes the patched path: a new run records a Patch marker and takes it; a replayed
     * run takes it iff history records the marker among this task's commands (a run from before the
     * patch has none). The answer for a patch id stays the same for the rest of the run.
     */
    boolean patched(String patchId) {
        return patches.computeIfAbsent(patchId, id -> patchMarker(id, false));
    }

    /**
     * The patch is the only path now: a new run still records the (deprecated) marker, so workers that
     * run the older {@code patched} code can replay it; a replayed run needs no marker, and consumes one
     * if history has it.
     */
    void deprecatePatch(String patchId) {
        patches.computeIfAbsent(patchId, id -> {
            patchMarker(id, true);
            return true;
        });
    }

    private boolean patchMarker(String patchId, boolean deprecated) {
        if (commands.isReplaying()) {
            if (commands.findRecorded(e -> PatchStateMachine.isMarkerOf(e, patchId)) == null) {
                return false;
            }
        }
        context.addCommand(new PatchStateMachine(patchId, deprecated));
        return true;
    }
}
