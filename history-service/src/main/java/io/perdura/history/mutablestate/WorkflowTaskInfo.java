package io.perdura.history.mutablestate;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.perdura.common.model.Failure;
import java.time.Duration;
import java.time.Instant;

/**
 * The state machine of the run's pending workflow task: SCHEDULED (dispatched to matching) or
 * BACKOFF (a transient retry waiting for its delay) → STARTED (a worker holds it) → gone (completed,
 * failed or timed out, when MutableState drops it). Attempts above 1 are transient: their events
 * live only here until the attempt completes. A speculative task (scheduled to deliver updates when
 * no task was pending) is a first attempt whose events also live only here: when its answer only
 * rejects updates it goes without a trace; otherwise its events are written like a transient
 * attempt's. An event arriving while it is still SCHEDULED makes it a normal task.
 */
public final class WorkflowTaskInfo {

    /** Where the task is in its life. */
    public enum State {
        SCHEDULED,
        BACKOFF,
        STARTED
    }

    private long scheduledEventId;
    private long startedEventId;
    private int attempt;
    private State state;
    private String taskQueue;
    private Duration startToCloseTimeout;
    private Instant scheduledTime;
    private Instant startedTime;
    private String requestId;
    private String identity;
    private Failure lastFailure;
    private long timeoutTimerTaskId;
    private boolean speculative;
    private String dispatchQueue;
    private long scheduleToStartTimerTaskId;

    @JsonCreator
    WorkflowTaskInfo() {}

    private WorkflowTaskInfo(
            long scheduledEventId,
            int attempt,
            State state,
            String taskQueue,
            Duration startToCloseTimeout,
            Instant scheduledTime,
            Failure lastFailure) {
        this.scheduledEventId = scheduledEventId;
        this.attempt = attempt;
        this.state = state;
        this.taskQueue = taskQueue;
        this.startToCloseTimeout = startToCloseTimeout;
        this.scheduledTime = scheduledTime;
        this.lastFailure = lastFailure;
    }

    /** A task dispatched at once. */
    public static WorkflowTaskInfo scheduled(
            long scheduledEventId, int attempt, String taskQueue, Duration timeout, Instant now, Failure lastFailure) {
        return new WorkflowTaskInfo(scheduledEventId, attempt, State.SCHEDULED, taskQueue, timeout, now, lastFailure);
    }

    /** A transient retry that is dispatched when its backoff timer fires. */
    public static WorkflowTaskInfo backoff(
            long scheduledEventId, int attempt, String taskQueue, Duration timeout, Instant now, Failure lastFailure) {
        return new WorkflowTaskInfo(scheduledEventId, attempt, State.BACKOFF, taskQueue, timeout, now, lastFailure);
    }

    /** A first attempt that delivers updates, its events kept out of history (see the class comment). */
    public static WorkflowTaskInfo speculative(long scheduledEventId, String taskQueue, Duration timeout, Instant now) {
        WorkflowTaskInfo task =
                new WorkflowTaskInfo(scheduledEventId, 1, State.SCHEDULED, taskQueue, timeout, now, null);
        task.speculative = true;
        return task;
    }

    /** A speculative task that is not started yet becomes normal: its WorkflowTaskScheduled was just written. */
    public void convertToNormal() {
        require(State.SCHEDULED);
        speculative = false;
    }

    /** BACKOFF → SCHEDULED. */
    public void dispatch(Instant now) {
        require(State.BACKOFF);
        state = State.SCHEDULED;
        scheduledTime = now;
    }

    /** SCHEDULED → STARTED. */
    public void start(long startedEventId, String requestId, String identity, Instant now) {
        require(State.SCHEDULED);
        this.state = State.STARTED;
        this.startedEventId = startedEventId;
        this.requestId = requestId;
        this.identity = identity;
        this.startedTime = now;
    }

    private void require(State expected) {
        if (state != expected) {
            throw new IllegalStateException("workflow task is " + state + ", not " + expected);
        }
    }

    /** Whether this attempt's events are kept out of history until it completes. */
    public boolean isTransient() {
        return attempt > 1;
    }

    /** Whether this is a speculative task (see the class comment). */
    public boolean isSpeculative() {
        return speculative;
    }

    /** Whether this attempt's WorkflowTaskScheduled/Started live only here: a transient or speculative task. */
    public boolean hasUnwrittenEvents() {
        return isTransient() || speculative;
    }

    /** Whether an answer with these ids is for this task's current start. */
    public boolean isCurrent(long scheduledEventId, long startedEventId, int attempt) {
        return state == State.STARTED
                && this.scheduledEventId == scheduledEventId
                && this.startedEventId == startedEventId
                && this.attempt == attempt;
    }

    /**
     * {@link #isCurrent(long, long, int)}, and started at {@code startedTime} when the answer names
     * it: a discarded speculative task and the next one share their ids.
     */
    public boolean isCurrent(long scheduledEventId, long startedEventId, int attempt, Instant startedTime) {
        return isCurrent(scheduledEventId, startedEventId, attempt)
                && (startedTime == null || startedTime.equals(this.startedTime));
    }

    public long scheduledEventId() {
        return scheduledEventId;
    }

    public long startedEventId() {
        return startedEventId;
    }

    public int attempt() {
        return attempt;
    }

    public State state() {
        return state;
    }

    public String taskQueue() {
        return taskQueue;
    }

    public Duration startToCloseTimeout() {
        return startToCloseTimeout;
    }

    public Instant scheduledTime() {
        return scheduledTime;
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

    public long timeoutTimerTaskId() {
        return timeoutTimerTaskId;
    }

    public void timeoutTimerTaskId(long taskId) {
        this.timeoutTimerTaskId = taskId;
    }

    /** The queue the task was dispatched to: the run's sticky queue (ADR 28), else its task queue. */
    public String dispatchQueue() {
        return dispatchQueue == null ? taskQueue : dispatchQueue;
    }

    /** Dispatches the task to the worker-specific {@code queue}, watched by the timer row {@code timerTaskId}. */
    public void dispatchSticky(String queue, long timerTaskId) {
        require(State.SCHEDULED);
        this.dispatchQueue = queue;
        this.scheduleToStartTimerTaskId = timerTaskId;
    }

    /** Whether the task waits on a sticky queue. */
    public boolean isOnStickyQueue() {
        return dispatchQueue != null;
    }

    /** The task goes back to its normal task queue (its sticky schedule-to-start timeout fired). */
    public void dispatchNormal() {
        require(State.SCHEDULED);
        this.dispatchQueue = null;
        this.scheduleToStartTimerTaskId = 0;
    }

    /** The timer row of the sticky schedule-to-start timeout, 0 without one. */
    public long scheduleToStartTimerTaskId() {
        return scheduleToStartTimerTaskId;
    }
}
