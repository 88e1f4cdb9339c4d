package io.perdura.sdk.internal.statemachines;

import io.perdura.common.command.Command;
import io.perdura.common.history.EventAttributes.MarkerRecorded;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import io.perdura.common.model.Failure;
import io.perdura.common.model.RetryState;
import io.perdura.sdk.failure.ActivityFailure;
import io.perdura.sdk.failure.CanceledFailure;
import io.perdura.sdk.internal.common.FailureConverter;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One local execution of a local activity: the attempts the worker runs in one go, inside workflow
 * tasks, until a result, a final failure, or a retry that must wait on a durable timer (a new
 * machine then runs the next attempts). A new task asks the worker to run it (REQUEST_PREPARED,
 * EXECUTING) and records the outcome in a {@code LocalActivity} marker (RecordMarker, then
 * MarkerRecorded); a replayed task never runs it and takes the outcome from the marker among the
 * task's command events (WAITING_MARKER). A replay that reaches the task being answered without
 * having met the marker runs it after all (NEW_TASK_STARTED). A canceled one records nothing: it is
 * dropped if not sent yet, and its result is dropped if it is running.
 */
public final class LocalActivityStateMachine extends CommandStateMachine {

    public static final String MARKER_NAME = "LocalActivity";
    static final String CANCELED_MESSAGE = "local activity canceled";

    /** States of a local activity execution. */
    public enum State {
        CREATED,
        REQUEST_PREPARED,
        EXECUTING,
        WAITING_MARKER,
        MARKER_COMMAND_CREATED,
        RECORDED,
        CANCELED
    }

    /** Events that move a local activity execution. */
    public enum Event {
        SCHEDULE,
        REPLAY,
        REQUEST_SENT,
        NEW_TASK_STARTED,
        RESULT,
        MARKER_FOUND,
        MARKER_RECORDED,
        CANCEL
    }

    public static final StateMachineDefinition<State, Event> DEFINITION = new StateMachineDefinition<State, Event>(
                    "LocalActivity", State.class)
            .add(State.CREATED, Event.SCHEDULE, State.REQUEST_PREPARED)
            .add(State.CREATED, Event.REPLAY, State.WAITING_MARKER)
            .add(State.CREATED, Event.CANCEL, State.CANCELED)
            .add(State.REQUEST_PREPARED, Event.REQUEST_SENT, State.EXECUTING)
            .add(State.REQUEST_PREPARED, Event.CANCEL, State.CANCELED)
            .add(State.EXECUTING, Event.RESULT, State.MARKER_COMMAND_CREATED)
            .add(State.EXECUTING, Event.CANCEL, State.CANCELED)
            .add(State.WAITING_MARKER, Event.MARKER_FOUND, State.MARKER_COMMAND_CREATED)
            .add(State.WAITING_MARKER, Event.NEW_TASK_STARTED, State.REQUEST_PREPARED)
            .add(State.WAITING_MARKER, Event.CANCEL, State.CANCELED)
            .add(State.MARKER_COMMAND_CREATED, Event.MARKER_RECORDED, State.RECORDED);

    private final String activityId;
    private final String activityType;
    private final JsonNode input;
    private final boolean inputInMarker;
    private final int firstAttempt;
    private final OutcomeListener listener;
    private long originalScheduledTimeMillis;
    private State state = State.CREATED;
    private ObjectNode details;
    private Failure failure;
    private int attempt;
    private Duration backoff;
    private long timeMillis;
    private boolean notified;

    /**
     * @param firstAttempt the attempt this execution starts with (1, or the one after a timer)
     * @param originalScheduledTimeMillis when the first attempt was scheduled; 0 when not known yet
     */
    public LocalActivityStateMachine(
            String activityId,
            String activityType,
            JsonNode input,
            boolean inputInMarker,
            int firstAttempt,
            long originalScheduledTimeMillis,
            OutcomeListener listener) {
        this.activityId = activityId;
        this.activityType = activityType;
        this.input = input;
        this.inputInMarker = inputInMarker;
        this.firstAttempt = firstAttempt;
        this.attempt = firstAttempt;
        this.originalScheduledTimeMillis = originalScheduledTimeMillis;
        this.listener = listener;
    }

    /** Whether {@code event} is a LocalActivity marker. */
    public static boolean isMarker(HistoryEvent event) {
        return event.attributes() instanceof MarkerRecorded m && MARKER_NAME.equals(m.markerName());
    }

    /** The activity id a LocalActivity marker records, or null. */
    public static String activityIdOf(HistoryEvent marker) {
        JsonNode details = ((MarkerRecorded) marker.attributes()).details();
        JsonNode id = details == null ? null : details.get("activityId");
        return id == null ? null : id.asString();
    }

    /** The activity type a LocalActivity marker records, or null. */
    public static String activityTypeOf(HistoryEvent marker) {
        JsonNode details = ((MarkerRecorded) marker.attributes()).details();
        JsonNode type = details == null ? null : details.get("activityType");
        return type == null ? null : type.asString();
    }

    /** The workflow time a LocalActivity marker records, or 0. */
    public static long timeOf(HistoryEvent marker) {
        JsonNode details = ((MarkerRecorded) marker.attributes()).details();
        JsonNode time = details == null ? null : details.get("time");
        return time == null ? 0 : time.asLong();
    }

    /** A new task runs it: it is to be sent to the worker's local activity executor. */
    public void schedule(boolean replaying) {
        state = DEFINITION.next(state, replaying ? Event.REPLAY : Event.SCHEDULE);
        if (!replaying && originalScheduledTimeMillis == 0) {
            originalScheduledTimeMillis = System.currentTimeMillis();
        }
    }

    /** The replay reached the task being answered and its marker was not recorded: run it now. */
    public void newTaskStarted() {
        state = DEFINITION.next(state, Event.NEW_TASK_STARTED);
        if (originalScheduledTimeMillis == 0) {
            originalScheduledTimeMillis = System.currentTimeMillis();
        }
    }

    /** The executor took it. */
    public void requestSent() {
        state = DEFINITION.next(state, Event.REQUEST_SENT);
    }

    /**
     * The executor's outcome: a result, or a failure ({@code retryState} IN_PROGRESS with {@code
     * backoff}: the next attempt waits on a timer). The marker command is built now, at workflow time
     * {@code timeMillis}; the code learns the outcome.
     *
     * @param attemptFailure the failure of the last attempt (the cause the code sees), or null
     */
    public void handleResult(
            JsonNode result,
            Failure attemptFailure,
            RetryState retryState,
            int lastAttempt,
            Duration retryBackoff,
            long timeMillis) {
        state = DEFINITION.next(state, Event.RESULT);
        this.attempt = lastAttempt;
        this.backoff = attemptFailure == null ? null : retryBackoff;
        this.timeMillis = timeMillis;
        this.failure = attemptFailure == null
                ? null
                : new Failure(
                        "Local activity failed",
                        Failure.FailureKind.ACTIVITY,
                        null,
                        false,
                        null,
                        null,
                        attemptFailure,
                        new Failure.ActivityFailureInfo(0, 0, activityId, activityType, retryState),
                        null);
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.put("activityId", activityId);
        d.put("activityType", activityType);
        d.put("attempt", lastAttempt);
        d.put("time", timeMillis);
        d.put("originalScheduledTime", originalScheduledTimeMillis);
        if (inputInMarker) {
            d.set("input", input);
        }
        if (attemptFailure == null) {
            d.set("result", result);
        } else if (this.backoff != null) {
            d.set("backoff", Json.tree(this.backoff));
        }
        this.details = d;
        notifyOutcome(result);
    }

    /** Replay: the outcome is the marker's, which history holds among the task's command events. */
    public void markerFound(HistoryEvent marker) {
        state = DEFINITION.next(state, Event.MARKER_FOUND);
        MarkerRecorded m = (MarkerRecorded) marker.attributes();
        ObjectNode d =
                m.details() instanceof ObjectNode object ? object.deepCopy() : JsonNodeFactory.instance.objectNode();
        this.details = d;
        this.failure = m.failure();
        this.attempt = d.has("attempt") ? d.get("attempt").asInt() : firstAttempt;
        this.timeMillis = d.has("time") ? d.get("time").asLong() : 0;
        if (d.has("originalScheduledTime")) {
            this.originalScheduledTimeMillis = d.get("originalScheduledTime").asLong();
        }
        this.backoff = failure != null && d.has("backoff") ? Json.convert(d.get("backoff"), Duration.class) : null;
        notifyOutcome(d.get("result"));
    }

    /**
     * The scope of the local activity was canceled: unless its outcome is known already, it ends now
     * with a CanceledFailure and records nothing. Returns whether it was canceled now.
     */
    public boolean cancel(String reason) {
        if (state != State.CREATED
                && state != State.REQUEST_PREPARED
                && state != State.EXECUTING
                && state != State.WAITING_MARKER) {
            return false;
        }
        state = DEFINITION.next(state, Event.CANCEL);
        if (!notified) {
            notified = true;
            listener.resolved(
                    null,
                    new ActivityFailure(
                            activityType,
                            activityId,
                            0,
                            0,
                            null,
                            new CanceledFailure(reason == null ? CANCELED_MESSAGE : reason)));
        }
        return true;
    }

    private void notifyOutcome(JsonNode result) {
        if (!notified) {
            notified = true;
            listener.resolved(result, failure == null ? null : FailureConverter.toException(failure));
        }
    }

    @Override
    public Command.RecordMarker command() {
        return new Command.RecordMarker(MARKER_NAME, details, failure);
    }

    @Override
    public boolean matches(HistoryEvent event) {
        return isMarker(event) && activityId.equals(activityIdOf(event)) && activityType.equals(activityTypeOf(event));
    }

    @Override
    public void handleCommandEvent(HistoryEvent event) {
        state = DEFINITION.next(state, Event.MARKER_RECORDED);
    }

    public State state() {
        return state;
    }

    public String activityId() {
        return activityId;
    }

    public String activityType() {
        return activityType;
    }

    public JsonNode input() {
        return input;
    }

    /** The attempt it starts with; once the outcome is known, the last attempt it ran. */
    public int attempt() {
        return attempt;
    }

    /** The attempt it starts with. */
    public int firstAttempt() {
        return firstAttempt;
    }

    /** When the first attempt of the local activity was scheduled (epoch millis), or 0 when not known yet. */
    public long originalScheduledTimeMillis() {
        return originalScheduledTimeMillis;
    }

    /** The delay before the next attempt, which waits on a timer; null unless the outcome says so. */
    public Duration backoff() {
        return backoff;
    }

    /** The workflow time the marker records. */
    public long timeMillis() {
        return timeMillis;
    }

    /** Whether the outcome is still to come (sent to the executor, or waiting for its marker). */
    public boolean isPending() {
        return state == State.REQUEST_PREPARED || state == State.EXECUTING || state == State.WAITING_MARKER;
    }

    @Override
    public boolean isFinal() {
        return state == State.RECORDED || state == State.CANCELED;
    }

    @Override
    public String describe() {
        return "RecordMarker(markerName=" + MARKER_NAME + ", activityId=" + activityId + ", activityType="
                + activityType + ")";
    }
}
