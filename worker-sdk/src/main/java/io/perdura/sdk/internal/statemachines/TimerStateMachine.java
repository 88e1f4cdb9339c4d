package io.perdura.sdk.internal.statemachines;

import io.perdura.common.command.Command;
import io.perdura.common.history.EventAttributes.TimerStarted;
import io.perdura.common.history.HistoryEvent;

/** One durable timer: StartTimer, TimerStarted, TimerFired. */
public final class TimerStateMachine extends CommandStateMachine {

    /** States of a timer. */
    public enum State {
        CREATED,
        STARTED,
        FIRED
    }

    /** Events that move a timer. */
    public enum Event {
        STARTED,
        FIRED
    }

    public static final StateMachineDefinition<State, Event> DEFINITION = new StateMachineDefinition<State, Event>(
                    "Timer", State.class)
            .add(State.CREATED, Event.STARTED, State.STARTED)
            .add(State.STARTED, Event.FIRED, State.FIRED);

    private final Command.StartTimer command;
    private State state = State.CREATED;

    public TimerStateMachine(Command.StartTimer command) {
        this.command = command;
    }

    @Override
    public Command.StartTimer command() {
        return command;
    }

    @Override
    public boolean matches(HistoryEvent event) {
        return event.attributes() instanceof TimerStarted t && t.timerId().equals(command.timerId());
    }

    @Override
    public void handleCommandEvent(HistoryEvent event) {
        state = DEFINITION.next(state, Event.STARTED);
    }

    /** Applies TimerFired. */
    public void handleFired() {
        state = DEFINITION.next(state, Event.FIRED);
    }

    public State state() {
        return state;
    }

    public boolean isFired() {
        return state == State.FIRED;
    }

    @Override
    public String describe() {
        return "StartTimer(timerId=" + command.timerId() + ")";
    }
}
