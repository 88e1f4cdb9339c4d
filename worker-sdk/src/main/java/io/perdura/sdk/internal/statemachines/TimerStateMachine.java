package io.perdura.sdk.internal.statemachines;

import io.perdura.common.command.Command;
import io.perdura.common.history.EventAttributes.TimerCanceled;
import io.perdura.common.history.EventAttributes.TimerFired;
import io.perdura.common.history.EventAttributes.TimerStarted;
import io.perdura.common.history.HistoryEvent;
import io.perdura.sdk.failure.CanceledFailure;

/**
 * One durable timer: StartTimer, TimerStarted, then TimerFired; or, when its scope is canceled,
 * CancelTimer and TimerCanceled (nothing at all if StartTimer was not sent yet). The code learns it
 * fired, or is canceled (at once, with a {@link CanceledFailure}), through the {@link OutcomeListener}.
 */
public final class TimerStateMachine extends CommandStateMachine {

    /** States of a timer. */
    public enum State {
        CREATED,
        STARTED,
        FIRED,
        CANCEL_COMMAND_CREATED,
        CANCELED
    }

    /** Events that move a timer. */
    public enum Event {
        STARTED,
        FIRED,
        CANCEL,
        CANCELED
    }

    public static final StateMachineDefinition<State, Event> DEFINITION = new StateMachineDefinition<State, Event>(
                    "Timer", State.class)
            .add(State.CREATED, Event.STARTED, State.STARTED)
            .add(State.CREATED, Event.CANCEL, State.CANCELED)
            .add(State.STARTED, Event.FIRED, State.FIRED)
            .add(State.STARTED, Event.CANCEL, State.CANCEL_COMMAND_CREATED)
            .add(State.CANCEL_COMMAND_CREATED, Event.CANCELED, State.CANCELED);

    private final Command.StartTimer command;
    private final OutcomeListener listener;
    private State state = State.CREATED;
    private long startedEventId;

    public TimerStateMachine(Command.StartTimer command, OutcomeListener listener) {
        this.command = command;
        this.listener = listener;
    }

    /** StartTimer until recorded; CancelTimer once canceled. */
    @Override
    public Command command() {
        return state == State.CANCEL_COMMAND_CREATED ? new Command.CancelTimer(command.timerId()) : command;
    }

    public String timerId() {
        return command.timerId();
    }

    @Override
    public boolean matches(HistoryEvent event) {
        return switch (state) {
            case CREATED ->
                event.attributes() instanceof TimerStarted t && t.timerId().equals(command.timerId());
            case CANCEL_COMMAND_CREATED ->
                event.attributes() instanceof TimerCanceled t && t.timerId().equals(command.timerId());
            default -> false;
        };
    }

    @Override
    public void handleCommandEvent(HistoryEvent event) {
        if (state == State.CANCEL_COMMAND_CREATED) {
            state = DEFINITION.next(state, Event.CANCELED);
        } else {
            state = DEFINITION.next(state, Event.STARTED);
            startedEventId = event.eventId();
        }
    }

    /** Applies TimerFired. */
    @Override
    public void handleEvent(HistoryEvent event) {
        if (!(event.attributes() instanceof TimerFired)) {
            throw new IllegalArgumentException("not a timer outcome: " + event.eventType());
        }
        state = DEFINITION.next(state, Event.FIRED);
        listener.resolved(null, null);
    }

    /** The timer's scope was canceled: drop the timer if StartTimer was not sent, else send CancelTimer. */
    public CancelResult cancel(String reason) {
        CancelResult result = switch (state) {
            case CREATED -> CancelResult.DROP_COMMAND;
            case STARTED -> CancelResult.SEND_COMMAND;
            default -> CancelResult.NONE;
        };
        if (result != CancelResult.NONE) {
            state = DEFINITION.next(state, Event.CANCEL);
            listener.resolved(null, new CanceledFailure(reason == null ? "timer canceled" : reason));
        }
        return result;
    }

    public State state() {
        return state;
    }

    @Override
    public long initialEventId() {
        return startedEventId;
    }

    @Override
    public boolean isFinal() {
        return state == State.FIRED || state == State.CANCELED;
    }

    @Override
    public String describe() {
        return (state == State.CANCEL_COMMAND_CREATED ? "CancelTimer(timerId=" : "StartTimer(timerId=")
                + command.timerId() + ")";
    }
}
