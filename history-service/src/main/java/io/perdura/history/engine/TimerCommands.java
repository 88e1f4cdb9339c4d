package io.perdura.history.engine;

import io.perdura.common.command.Command.StartTimer;
import io.perdura.common.history.EventAttributes.TimerStarted;
import io.perdura.history.mutablestate.MutableState;
import io.perdura.history.mutablestate.TimerInfo;
import io.perdura.history.persistence.TimerTaskType;
import java.time.Instant;
import java.util.Set;

/** The timer commands of a workflow task: validation, TimerStarted and its durable timer row. */
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
}
