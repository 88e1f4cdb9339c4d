package io.perdura.sdk.internal.statemachines;

import io.perdura.common.command.Command;
import io.perdura.common.history.EventAttributes.ActivityTaskScheduled;
import io.perdura.common.history.EventAttributes.MarkerRecorded;
import io.perdura.common.history.EventAttributes.TimerStarted;
import io.perdura.common.history.HistoryEvent;

/**
 * The life of one command produced by workflow code: created by the code, then confirmed by the
 * event history records for it (ActivityTaskScheduled, TimerStarted …), then resolved by later
 * events. One subclass per command kind, each a declarative transition table.
 */
public abstract sealed class CommandStateMachine
        permits ActivityStateMachine, TimerStateMachine, MarkerStateMachine, CompletionStateMachine {

    /** The command sent to the server. */
    public abstract Command command();

    /** Whether {@code event} is the command event that records this command (type and identity). */
    public abstract boolean matches(HistoryEvent event);

    /** Applies the matching command event. */
    public abstract void handleCommandEvent(HistoryEvent event);

    /** A short description for non-determinism messages, e.g. {@code ScheduleActivityTask(Charge, id=1)}. */
    public abstract String describe();

    /** Describes a command event the same way {@link #describe()} does, for messages. */
    public static String describeEvent(HistoryEvent event) {
        return switch (event.attributes()) {
            case ActivityTaskScheduled a ->
                "ActivityTaskScheduled(activityType=" + a.activityType() + ", activityId=" + a.activityId() + ")";
            case TimerStarted t -> "TimerStarted(timerId=" + t.timerId() + ")";
            case MarkerRecorded m ->
                "MarkerRecorded(markerName=" + m.markerName()
                        + (m.details() != null && m.details().has("changeId")
                                ? ", changeId=" + m.details().get("changeId").asString()
                                : "")
                        + ")";
            default -> event.eventType().name();
        };
    }
}
