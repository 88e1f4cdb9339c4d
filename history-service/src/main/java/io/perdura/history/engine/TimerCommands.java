package io.perdura.history.engine;

import io.perdura.common.command.Command.CancelTimer;
import io.perdura.common.command.Command.StartTimer;
import io.perdura.common.history.EventAttributes.TimerCanceled;
import io.perdura.common.history.EventAttributes.TimerFired;
import io.perdura.common.history.EventAttributes.TimerStarted;
import io.perdura.common.history.HistoryEvent;
import io.perdura.history.mutablestate.MutableState;
import io.perdura.history.mutablestate.TimerInfo;
import io.perdura.history.persistence.TimerTaskType;
import java.time.Instant;
import java.util.Set;

/** The timer commands of a workflow task: StartTimer (TimerStarted and its durable row) and CancelTimer (TimerCanceled). */
final class TimerCommands {

    private TimerCommands() {}

    static String validateStart(StartTimer t, MutableState state, Set<String> ids) {
        if (t.timerId() == null || t.timerId().isBlank()) {
            return "timerId is required";
        }
        if (state.timer(t.timerId()) != null || !ids.add(t.timerId())) {
            return "timerId " + t.timerId() + " is already pending";
        }
        if (!CommandProcessor.positive(t.startToFireTimeout())) {
            return "startToFireTimeout must be positive";
        }
        return null;
    }

    static void start(RunUpdate update, StartTimer t, long completedId) {
        long startedId = update.addEvent(new TimerStarted(t.timerId(), t.startToFireTimeout(), completedId));
        Instant fireTime = update.now().plus(t.startToFireTimeout());
        long taskId = update.timer(TimerTaskType.USER_TIMER, fireTime, startedId, 0, t.timerId());
        update.state().addTimer(new TimerInfo(t.timerId(), startedId, fireTime, taskId));
    }

    /** A timer can be cancelled while pending, while its TimerFired waits unwritten, or if started in this task. */
    static String validateCancel(CancelTimer c, MutableState state, Set<String> startedInTask) {
        if (c.timerId() == null || c.timerId().isBlank()) {
            return "timerId is required";
        }
        if (state.timer(c.timerId()) == null
                && !startedInTask.contains(c.timerId())
                && bufferedFiring(state, c.timerId()) == null) {
            return "timerId " + c.timerId() + " is not pending";
        }
        return null;
    }

    /** TimerCanceled, and the timer's row (or its unwritten TimerFired) gone. */
    static void cancel(RunUpdate update, CancelTimer c, long completedId) {
        MutableState state = update.state();
        TimerInfo timer = state.timer(c.timerId());
        long startedEventId;
        if (timer != null) {
            update.deleteTimer(timer.timerTaskId());
            state.removeTimer(c.timerId());
            startedEventId = timer.startedEventId();
        } else {
            HistoryEvent fired = state.removeBufferedEvent(
                    e -> e.attributes() instanceof TimerFired f && f.timerId().equals(c.timerId()));
            startedEventId = fired.attributes(TimerFired.class).startedEventId();
        }
        update.addEvent(new TimerCanceled(c.timerId(), startedEventId, completedId, null));
    }

    private static HistoryEvent bufferedFiring(MutableState state, String timerId) {
        return state.bufferedEvents().stream()
                .filter(e ->
                        e.attributes() instanceof TimerFired f && f.timerId().equals(timerId))
                .findFirst()
                .orElse(null);
    }
}
