package io.perdura.sdk.internal.statemachines;

import io.perdura.common.command.Command;
import io.perdura.common.history.EventAttributes.ActivityTaskCompleted;
import io.perdura.common.history.EventAttributes.ActivityTaskFailed;
import io.perdura.common.history.EventAttributes.ActivityTaskScheduled;
import io.perdura.common.history.EventAttributes.ActivityTaskStarted;
import io.perdura.common.history.EventAttributes.ActivityTaskTimedOut;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.model.Failure;
import io.perdura.common.model.RetryState;
import io.perdura.sdk.failure.ActivityFailure;
import io.perdura.sdk.failure.TimeoutFailure;
import io.perdura.sdk.internal.common.FailureConverter;
import tools.jackson.databind.JsonNode;

/** One activity invocation: ScheduleActivityTask, then its outcome events. */
public final class ActivityStateMachine extends CommandStateMachine {

    /** States of an activity. */
    public enum State {
        CREATED,
        SCHEDULED,
        STARTED,
        COMPLETED,
        FAILED,
        TIMED_OUT
    }

    /** Events that move an activity. */
    public enum Event {
        SCHEDULED,
        STARTED,
        COMPLETED,
        FAILED,
        TIMED_OUT
    }

    public static final StateMachineDefinition<State, Event> DEFINITION = new StateMachineDefinition<State, Event>(
                    "Activity", State.class)
            .add(State.CREATED, Event.SCHEDULED, State.SCHEDULED)
            .add(State.SCHEDULED, Event.STARTED, State.STARTED)
            .add(State.SCHEDULED, Event.COMPLETED, State.COMPLETED)
            .add(State.SCHEDULED, Event.FAILED, State.FAILED)
            .add(State.SCHEDULED, Event.TIMED_OUT, State.TIMED_OUT)
            .add(State.STARTED, Event.COMPLETED, State.COMPLETED)
            .add(State.STARTED, Event.FAILED, State.FAILED)
            .add(State.STARTED, Event.TIMED_OUT, State.TIMED_OUT);

    private final Command.ScheduleActivityTask command;
    private State state = State.CREATED;
    private long scheduledEventId;
    private long startedEventId;
    private JsonNode result;
    private RuntimeException failure;

    public ActivityStateMachine(Command.ScheduleActivityTask command) {
        this.command = command;
    }

    @Override
    public Command.ScheduleActivityTask command() {
        return command;
    }

    @Override
    public boolean matches(HistoryEvent event) {
        return event.attributes() instanceof ActivityTaskScheduled a
                && a.activityId().equals(command.activityId())
                && a.activityType().equals(command.activityType());
    }

    @Override
    public void handleCommandEvent(HistoryEvent event) {
        state = DEFINITION.next(state, Event.SCHEDULED);
        scheduledEventId = event.eventId();
    }

    /** Applies ActivityTaskStarted/Completed/Failed/TimedOut. */
    public void handleEvent(HistoryEvent event) {
        switch (event.attributes()) {
            case ActivityTaskStarted s -> {
                state = DEFINITION.next(state, Event.STARTED);
                startedEventId = event.eventId();
            }
            case ActivityTaskCompleted c -> {
                state = DEFINITION.next(state, Event.COMPLETED);
                result = c.result();
            }
            case ActivityTaskFailed f -> {
                state = DEFINITION.next(state, Event.FAILED);
                failure = activityFailure(f.retryState(), FailureConverter.toException(f.failure()));
            }
            case ActivityTaskTimedOut t -> {
                state = DEFINITION.next(state, Event.TIMED_OUT);
                Failure recorded = t.failure();
                RuntimeException cause = recorded == null
                        ? new TimeoutFailure("activity timed out", null, null)
                        : FailureConverter.toException(recorded);
                if (!(cause instanceof TimeoutFailure) && recorded != null && recorded.timeoutType() != null) {
                    cause = new TimeoutFailure(recorded.message(), recorded.timeoutType(), cause);
                }
                failure = activityFailure(t.retryState() == null ? RetryState.TIMEOUT : t.retryState(), cause);
            }
            default -> throw new IllegalArgumentException("not an activity outcome: " + event.eventType());
        }
    }

    private ActivityFailure activityFailure(RetryState retryState, RuntimeException cause) {
        return new ActivityFailure(
                command.activityType(), command.activityId(), scheduledEventId, startedEventId, retryState, cause);
    }

    public State state() {
        return state;
    }

    public long scheduledEventId() {
        return scheduledEventId;
    }

    public boolean isResolved() {
        return state == State.COMPLETED || state == State.FAILED || state == State.TIMED_OUT;
    }

    /** The result JSON when completed. */
    public JsonNode result() {
        return result;
    }

    /** The {@link ActivityFailure} when failed or timed out. */
    public RuntimeException failure() {
        return failure;
    }

    @Override
    public String describe() {
        return "ScheduleActivityTask(activityType=" + command.activityType() + ", activityId=" + command.activityId()
                + ")";
    }
}
