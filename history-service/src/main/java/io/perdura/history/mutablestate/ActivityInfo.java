package io.perdura.history.mutablestate;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.perdura.common.history.EventAttributes.ActivityTaskScheduled;
import io.perdura.common.model.Failure;
import io.perdura.common.model.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The state machine of one pending activity: SCHEDULED (an attempt dispatched) → STARTED (a worker
 * runs it) → BACKOFF (the attempt failed, the next waits for its retry timer) → SCHEDULED … until an
 * outcome is final and MutableState drops it. Retries add no history events. A cancel request drops
 * an activity that is not running at once; a running one is marked {@link #isCancelRequested()}
 * (heartbeats say so, and no attempt follows it).
 */
public final class ActivityInfo {

    /** Where the current attempt is. */
    public enum State {
        SCHEDULED,
        STARTED,
        BACKOFF
    }

    private long scheduledEventId;
    private String activityId;
    private String activityType;
    private String taskQueue;
    private JsonNode input;
    private JsonNode header;
    private Duration scheduleToCloseTimeout;
    private Duration scheduleToStartTimeout;
    private Duration startToCloseTimeout;
    private Duration heartbeatTimeout;
    private RetryPolicy retryPolicy;
    private Instant scheduledTime;
    private int attempt;
    private State state;
    private Instant attemptScheduledTime;
    private Instant startedTime;
    private String requestId;
    private String identity;
    private Failure lastFailure;
    private JsonNode heartbeatDetails;
    private Instant lastHeartbeatTime;
    private Instant nextAttemptScheduleTime;
    private long scheduleToCloseTimerTaskId;
    private long cancelRequestedEventId;
    private List<Long> attemptTimerTaskIds = new ArrayList<>();

    @JsonCreator
    ActivityInfo() {}

    /** A new activity from its ActivityTaskScheduled event; attempt 1 is dispatched at once. */
    public ActivityInfo(long scheduledEventId, ActivityTaskScheduled scheduled, Instant now) {
        this.scheduledEventId = scheduledEventId;
        this.activityId = scheduled.activityId();
        this.activityType = scheduled.activityType();
        this.taskQueue = scheduled.taskQueue();
        this.input = scheduled.input();
        this.header = scheduled.header();
        this.scheduleToCloseTimeout = scheduled.scheduleToCloseTimeout();
        this.scheduleToStartTimeout = scheduled.scheduleToStartTimeout();
        this.startToCloseTimeout = scheduled.startToCloseTimeout();
        this.heartbeatTimeout = scheduled.heartbeatTimeout();
        this.retryPolicy = scheduled.retryPolicy();
        this.scheduledTime = now;
        this.attempt = 1;
        this.state = State.SCHEDULED;
        this.attemptScheduledTime = now;
    }

    /** SCHEDULED → STARTED. */
    public void start(String requestId, String identity, Instant now) {
        require(State.SCHEDULED);
        this.state = State.STARTED;
        this.requestId = requestId;
        this.identity = identity;
        this.startedTime = now;
        this.lastHeartbeatTime = null;
    }

    /** STARTED → BACKOFF: the attempt failed and attempt + 1 waits until {@code nextAttemptTime}. */
    public void retry(Failure failure, Instant nextAttemptTime) {
        if (state == State.BACKOFF) {
            throw new IllegalStateException("activity " + activityId + " is already waiting for a retry");
        }
        this.lastFailure = failure;
        this.attempt++;
        this.state = State.BACKOFF;
        this.nextAttemptScheduleTime = nextAttemptTime;
    }

    /** BACKOFF → SCHEDULED: the retry timer fired. */
    public void dispatch(Instant now) {
        require(State.BACKOFF);
        this.state = State.SCHEDULED;
        this.attemptScheduledTime = now;
        this.nextAttemptScheduleTime = null;
    }

    /**
     * A heartbeat of the running attempt; its details (when given, not JSON null) are kept for the
     * attempts that follow.
     */
    public void recordHeartbeat(JsonNode details, Instant now) {
        require(State.STARTED);
        if (details != null && !details.isNull()) {
            this.heartbeatDetails = details;
        }
        this.lastHeartbeatTime = now;
    }

    /** Details the worker sends with the attempt's failure: its latest, possibly never heartbeated. */
    public void lastHeartbeatDetails(JsonNode details) {
        require(State.STARTED);
        if (details != null && !details.isNull()) {
            this.heartbeatDetails = details;
        }
    }

    /**
     * The workflow asked to cancel (its ActivityTaskCancelRequested is {@code eventId}); returns
     * whether an attempt is running, so the activity waits for its worker to stop, rather than
     * being canceled at once.
     */
    public boolean requestCancel(long eventId) {
        if (isCancelRequested()) {
            throw new IllegalStateException("activity " + activityId + " is already being canceled");
        }
        this.cancelRequestedEventId = eventId;
        return state == State.STARTED;
    }

    /** Whether the workflow asked to cancel the activity. */
    public boolean isCancelRequested() {
        return cancelRequestedEventId != 0;
    }

    /** The ActivityTaskCancelRequested event of the cancel request, 0 without one. */
    public long cancelRequestedEventId() {
        return cancelRequestedEventId;
    }

    private void require(State expected) {
        if (state != expected) {
            throw new IllegalStateException("activity " + activityId + " is " + state + ", not " + expected);
        }
    }

    /** Whether an answer about {@code attempt} is for the attempt that is running now. */
    public boolean isRunning(int attempt) {
        return state == State.STARTED && this.attempt == attempt;
    }

    /** When the heartbeat timeout of the running attempt expires, or null without one. */
    public Instant heartbeatDeadline() {
        if (heartbeatTimeout == null || state != State.STARTED) {
            return null;
        }
        Instant last = lastHeartbeatTime != null ? lastHeartbeatTime : startedTime;
        return last.plus(heartbeatTimeout);
    }

    /** When the whole activity must be closed, or null without a schedule-to-close timeout. */
    public Instant scheduleToCloseDeadline() {
        return scheduleToCloseTimeout == null ? null : scheduledTime.plus(scheduleToCloseTimeout);
    }

    public long scheduledEventId() {
        return scheduledEventId;
    }

    public String activityId() {
        return activityId;
    }

    public String activityType() {
        return activityType;
    }

    public String taskQueue() {
        return taskQueue;
    }

    public JsonNode input() {
        return input;
    }

    /** The header of the ScheduleActivityTask command, handed to each attempt (null: none). */
    public JsonNode header() {
        return header;
    }

    public Duration scheduleToCloseTimeout() {
        return scheduleToCloseTimeout;
    }

    public Duration scheduleToStartTimeout() {
        return scheduleToStartTimeout;
    }

    public Duration startToCloseTimeout() {
        return startToCloseTimeout;
    }

    public Duration heartbeatTimeout() {
        return heartbeatTimeout;
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    public Instant scheduledTime() {
        return scheduledTime;
    }

    public int attempt() {
        return attempt;
    }

    public State state() {
        return state;
    }

    public Instant attemptScheduledTime() {
        return attemptScheduledTime;
    }

    public Instant startedTime() {
        return startedTime;
    }

    public String requestId() {
        return requestId;
    }

    public String identity() {
        return identity;
    }

    public Failure lastFailure() {
        return lastFailure;
    }

    public JsonNode heartbeatDetails() {
        return heartbeatDetails;
    }

    public Instant nextAttemptScheduleTime() {
        return nextAttemptScheduleTime;
    }

    /** The timer row of the schedule-to-close timeout, 0 without one. */
    public long scheduleToCloseTimerTaskId() {
        return scheduleToCloseTimerTaskId;
    }

    public void scheduleToCloseTimerTaskId(long taskId) {
        this.scheduleToCloseTimerTaskId = taskId;
    }

    /** Remembers a timer row of the current attempt (schedule-to-start, start-to-close, heartbeat). */
    public void addAttemptTimer(long taskId) {
        attemptTimerTaskIds.add(taskId);
    }

    /** The timer rows of the current attempt, forgotten: the caller deletes them. */
    public List<Long> drainAttemptTimers() {
        List<Long> drained = attemptTimerTaskIds;
        attemptTimerTaskIds = new ArrayList<>();
        return drained;
    }
}
