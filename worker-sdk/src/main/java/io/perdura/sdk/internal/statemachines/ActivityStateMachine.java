package io.perdura.sdk.internal.statemachines;

import io.perdura.common.command.Command;
import io.perdura.common.history.EventAttributes.ActivityTaskCancelRequested;
import io.perdura.common.history.EventAttributes.ActivityTaskCanceled;
import io.perdura.common.history.EventAttributes.ActivityTaskCompleted;
import io.perdura.common.history.EventAttributes.ActivityTaskFailed;
import io.perdura.common.history.EventAttributes.ActivityTaskScheduled;
import io.perdura.common.history.EventAttributes.ActivityTaskStarted;
import io.perdura.common.history.EventAttributes.ActivityTaskTimedOut;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.model.Failure;
import io.perdura.common.model.RetryState;
import io.perdura.sdk.activity.ActivityCancellationType;
import io.perdura.sdk.failure.ActivityFailure;
import io.perdura.sdk.failure.CanceledFailure;
import io.perdura.sdk.failure.TimeoutFailure;
import io.perdura.sdk.internal.common.FailureConverter;
import tools.jackson.databind.JsonNode;

/**
 * One activity invocation: ScheduleActivityTask, ActivityTaskScheduled, then its outcome; a cancel
 * sends RequestCancelActivityTask (ActivityTaskCancelRequested), after which the activity may still
 * be canceled, complete, fail or time out. The code learns the outcome once, through the {@link
 * OutcomeListener}: with {@link ActivityCancellationType#TRY_CANCEL} and {@link
 * ActivityCancellationType#ABANDON} at the cancel, with {@link
 * ActivityCancellationType#WAIT_CANCELLATION_COMPLETED} from the event that ends the activity.
 */
public final class ActivityStateMachine extends CommandStateMachine {

    static final String CANCELED_MESSAGE = "activity canceled";

    /** States of an activity. */
    public enum State {
        CREATED,
        SCHEDULED,
        STARTED,
        CANCEL_REQUESTED,
        CANCEL_RECORDED,
        COMPLETED,
        FAILED,
        TIMED_OUT,
        CANCELED
    }

    /** Events that move an activity. */
    public enum Event {
        SCHEDULED,
        STARTED,
        COMPLETED,
        FAILED,
        TIMED_OUT,
        CANCEL,
        CANCEL_REQUESTED,
        CANCELED
    }

    public static final StateMachineDefinition<State, Event> DEFINITION = new StateMachineDefinition<State, Event>(
                    "Activity", State.class)
            .add(State.CREATED, Event.SCHEDULED, State.SCHEDULED)
            .add(State.CREATED, Event.CANCEL, State.CANCELED)
            .add(State.SCHEDULED, Event.STARTED, State.STARTED)
            .add(State.SCHEDULED, Event.COMPLETED, State.COMPLETED)
            .add(State.SCHEDULED, Event.FAILED, State.FAILED)
            .add(State.SCHEDULED, Event.TIMED_OUT, State.TIMED_OUT)
            .add(State.SCHEDULED, Event.CANCEL, State.CANCEL_REQUESTED)
            .add(State.STARTED, Event.COMPLETED, State.COMPLETED)
            .add(State.STARTED, Event.FAILED, State.FAILED)
            .add(State.STARTED, Event.TIMED_OUT, State.TIMED_OUT)
            .add(State.STARTED, Event.CANCEL, State.CANCEL_REQUESTED)
            .add(State.CANCEL_REQUESTED, Event.CANCEL_REQUESTED, State.CANCEL_RECORDED)
            .add(State.CANCEL_RECORDED, Event.STARTED, State.CANCEL_RECORDED)
            .add(State.CANCEL_RECORDED, Event.COMPLETED, State.COMPLETED)
            .add(State.CANCEL_RECORDED, Event.FAILED, State.FAILED)
            .add(State.CANCEL_RECORDED, Event.TIMED_OUT, State.TIMED_OUT)
            .add(State.CANCEL_RECORDED, Event.CANCELED, State.CANCELED);

    private final Command.ScheduleActivityTask command;
    private final ActivityCancellationType cancellationType;
    private final OutcomeListener listener;
    private State state = State.CREATED;
    private long scheduledEventId;
    private long startedEventId;
    private boolean notified;

    public ActivityStateMachine(
            Command.ScheduleActivityTask command, ActivityCancellationType cancellationType, OutcomeListener listener) {
        this.command = command;
        this.cancellationType = cancellationType == null ? ActivityCancellationType.TRY_CANCEL : cancellationType;
        this.listener = listener;
    }

    /** ScheduleActivityTask until recorded; RequestCancelActivityTask once a cancel was asked for. */
    @Override
    public Command command() {
        return state == State.CANCEL_REQUESTED ? new Command.RequestCancelActivityTask(scheduledEventId) : command;
    }

    public Command.ScheduleActivityTask scheduleCommand() {
        return command;
    }

    @Override
    public boolean matches(HistoryEvent event) {
        return switch (state) {
            case CREATED ->
                event.attributes() instanceof ActivityTaskScheduled a
                        && a.activityId().equals(command.activityId())
                        && a.activityType().equals(command.activityType());
            case CANCEL_REQUESTED ->
                event.attributes() instanceof ActivityTaskCancelRequested r && r.scheduledEventId() == scheduledEventId;
            default -> false;
        };
    }

    @Override
    public void handleCommandEvent(HistoryEvent event) {
        if (state == State.CANCEL_REQUESTED) {
            state = DEFINITION.next(state, Event.CANCEL_REQUESTED);
        } else {
            state = DEFINITION.next(state, Event.SCHEDULED);
            scheduledEventId = event.eventId();
        }
    }

    /** Applies ActivityTaskStarted/Completed/Failed/TimedOut/Canceled. */
    @Override
    public void handleEvent(HistoryEvent event) {
        switch (event.attributes()) {
            case ActivityTaskStarted s -> {
                state = DEFINITION.next(state, Event.STARTED);
                startedEventId = event.eventId();
            }
            case ActivityTaskCompleted c -> {
                state = DEFINITION.next(state, Event.COMPLETED);
                notify(c.result(), null);
            }
            case ActivityTaskFailed f -> {
                state = DEFINITION.next(state, Event.FAILED);
                notify(null, activityFailure(f.retryState(), FailureConverter.toException(f.failure())));
            }
            case ActivityTaskTimedOut t -> {
                state = DEFINITION.next(state, Event.TIMED_OUT);
                notify(null, timedOut(t));
            }
            case ActivityTaskCanceled c -> {
                state = DEFINITION.next(state, Event.CANCELED);
                notify(null, canceled(null));
            }
            default -> throw new IllegalArgumentException("not an activity outcome: " + event.eventType());
        }
    }

    /**
     * The activity's scope was canceled. Not sent yet: it is dropped. Recorded: a cancel request is
     * to be sent, except with ABANDON. The code learns of the cancellation now unless it waits for
     * the cancellation to complete.
     */
    public CancelResult cancel(String reason) {
        switch (state) {
            case CREATED -> {
                state = DEFINITION.next(state, Event.CANCEL);
                notify(null, canceled(reason));
                return CancelResult.DROP_COMMAND;
            }
            case SCHEDULED, STARTED -> {
                if (cancellationType == ActivityCancellationType.ABANDON) {
                    notify(null, canceled(reason));
                    return CancelResult.NONE;
                }
                state = DEFINITION.next(state, Event.CANCEL);
                if (cancellationType == ActivityCancellationType.TRY_CANCEL) {
                    notify(null, canceled(reason));
                }
                return CancelResult.SEND_COMMAND;
            }
            default -> {
                return CancelResult.NONE;
            }
        }
    }

    private void notify(JsonNode result, RuntimeException failure) {
        if (!notified) {
            notified = true;
            listener.resolved(result, failure);
        }
    }

    private RuntimeException timedOut(ActivityTaskTimedOut t) {
        Failure recorded = t.failure();
        RuntimeException cause = recorded == null
                ? new TimeoutFailure("activity timed out", null, null)
                : FailureConverter.toException(recorded);
        if (!(cause instanceof TimeoutFailure) && recorded != null && recorded.timeoutType() != null) {
            cause = new TimeoutFailure(recorded.message(), recorded.timeoutType(), cause);
        }
        return activityFailure(t.retryState() == null ? RetryState.TIMEOUT : t.retryState(), cause);
    }

    private ActivityFailure canceled(String reason) {
        return activityFailure(null, new CanceledFailure(reason == null ? CANCELED_MESSAGE : reason));
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

    @Override
    public long initialEventId() {
        return scheduledEventId;
    }

    @Override
    public boolean isFinal() {
        return state == State.COMPLETED || state == State.FAILED || state == State.TIMED_OUT || state == State.CANCELED;
    }

    @Override
    public String describe() {
        return state == State.CANCEL_REQUESTED
                ? "RequestCancelActivityTask(scheduledEventId=" + scheduledEventId + ")"
                : "ScheduleActivityTask(activityType=" + command.activityType() + ", activityId=" + command.activityId()
                        + ")";
    }
}
