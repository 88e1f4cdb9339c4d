package io.perdura.history.engine;

import io.perdura.common.history.EventAttributes;
import io.perdura.common.history.EventAttributes.ActivityTaskCanceled;
import io.perdura.common.history.EventAttributes.ActivityTaskCompleted;
import io.perdura.common.history.EventAttributes.ActivityTaskFailed;
import io.perdura.common.history.EventAttributes.ActivityTaskStarted;
import io.perdura.common.history.EventAttributes.ActivityTaskTimedOut;
import io.perdura.common.history.EventAttributes.WorkflowTaskScheduled;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.model.WorkflowExecutionKey;
import io.perdura.common.model.WorkflowStatus;
import io.perdura.history.mutablestate.MutableState;
import io.perdura.history.mutablestate.WorkflowTaskInfo;
import io.perdura.history.persistence.ExecutionWrite;
import io.perdura.history.persistence.TimerTask;
import io.perdura.history.persistence.TimerTaskType;
import io.perdura.history.persistence.TransferTarget;
import io.perdura.history.persistence.TransferTask;
import io.perdura.history.persistence.TransferTaskType;
import io.perdura.history.shard.ShardContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * One state change of one run being decided: the MutableState it mutates, and the events, timer
 * rows and outbox rows it will write in its transaction.
 */
final class RunUpdate {

    private final MutableState state;
    private final ShardContext shard;
    private final Instant now;
    private final List<HistoryEvent> events = new ArrayList<>();
    private final List<TimerTask> timerTasks = new ArrayList<>();
    private final List<TransferTask> transferTasks = new ArrayList<>();
    private final List<Long> deletedTimerTaskIds = new ArrayList<>();
    private final List<UpdateProgress> updateProgress = new ArrayList<>();
    private final List<Long> eagerActivities = new ArrayList<>();
    private boolean unchanged;
    private HistoryEvent closingEvent;
    private RunUpdate successor;
    private String successorStartRequestId;

    RunUpdate(MutableState state, ShardContext shard, Instant now) {
        this.state = state;
        this.shard = shard;
        this.now = now;
    }

    MutableState state() {
        return state;
    }

    ShardContext shard() {
        return shard;
    }

    Instant now() {
        return now;
    }

    WorkflowExecutionKey key() {
        return state.execution().key();
    }

    /** Declares that nothing changed: no transaction is written (a duplicate, a stale timer …). */
    void noChange() {
        this.unchanged = true;
    }

    boolean isUnchanged() {
        return unchanged;
    }

    /** Appends an event to history now; returns its id. */
    long addEvent(EventAttributes attributes) {
        return addEvent(now, attributes);
    }

    /** Appends an event that happened at {@code time} (one a worker already saw, say); returns its id. */
    long addEvent(Instant time, EventAttributes attributes) {
        long id = state.allocateEventId();
        HistoryEvent event = new HistoryEvent(id, time == null ? now : time, attributes);
        events.add(event);
        if (attributes.eventType().isTerminal()) {
            closingEvent = event;
        }
        return id;
    }

    /**
     * Records an event that happened outside of a workflow task (signal, activity outcome, timer
     * fired): buffered while a task is in flight, else written at once with a new workflow task
     * scheduled if none is pending. Returns the event's id, 0 when it was buffered.
     */
    long addExternalEvent(EventAttributes attributes) {
        convertSpeculativeWorkflowTask();
        if (state.isWorkflowTaskInFlight()) {
            state.bufferEvent(new HistoryEvent(0, now, attributes));
            return 0;
        }
        long id = addEvent(attributes);
        scheduleWorkflowTaskIfNone();
        return id;
    }

    /**
     * Records an activity's final outcome: ActivityTaskStarted (when {@code started} is non-null)
     * then the outcome, which learns the started event id once it is known.
     */
    void addActivityOutcome(ActivityTaskStarted started, LongFunction<EventAttributes> outcome) {
        convertSpeculativeWorkflowTask();
        if (state.isWorkflowTaskInFlight()) {
            if (started != null) {
                state.bufferEvent(new HistoryEvent(0, now, started));
            }
            state.bufferEvent(new HistoryEvent(0, now, outcome.apply(0)));
        } else {
            long startedId = started == null ? 0 : addEvent(started);
            addEvent(outcome.apply(startedId));
            scheduleWorkflowTaskIfNone();
        }
    }

    /**
     * A speculative task that no worker started yet becomes a normal one when an event arrives (as in
     * Temporal): its WorkflowTaskScheduled is written, so the event follows it in history and reaches
     * the worker with this task.
     */
    private void convertSpeculativeWorkflowTask() {
        WorkflowTaskInfo task = state.workflowTask();
        if (task == null || !task.isSpeculative() || task.state() != WorkflowTaskInfo.State.SCHEDULED) {
            return;
        }
        long id = addEvent(new WorkflowTaskScheduled(task.taskQueue(), task.startToCloseTimeout(), 1));
        if (id != task.scheduledEventId()) {
            throw new IllegalStateException(
                    "speculative workflow task expected event id " + task.scheduledEventId() + ", got " + id);
        }
        task.convertToNormal();
    }

    /** Writes the buffered events, filling in the started event id of activity and child outcomes. */
    boolean flushBufferedEvents() {
        List<HistoryEvent> buffered = state.drainBufferedEvents();
        HistoryEvent previous = null;
        var children = new BufferedChildEvents(state);
        for (HistoryEvent event : buffered) {
            EventAttributes attributes = children.withStartedEventId(event.attributes());
            if (previous != null && previous.attributes() instanceof ActivityTaskStarted started) {
                attributes = withStartedEventId(attributes, started.scheduledEventId(), previous.eventId());
            }
            long id = state.allocateEventId();
            previous = new HistoryEvent(id, event.eventTime(), attributes);
            events.add(previous);
            children.written(previous);
        }
        return !buffered.isEmpty();
    }

    private static EventAttributes withStartedEventId(EventAttributes attributes, long scheduledId, long startedId) {
        return switch (attributes) {
            case ActivityTaskCompleted c
            when c.scheduledEventId() == scheduledId ->
                new ActivityTaskCompleted(scheduledId, startedId, c.result(), c.identity());
            case ActivityTaskFailed f
            when f.scheduledEventId() == scheduledId ->
                new ActivityTaskFailed(scheduledId, startedId, f.failure(), f.retryState(), f.identity());
            case ActivityTaskTimedOut t
            when t.scheduledEventId() == scheduledId ->
                new ActivityTaskTimedOut(scheduledId, startedId, t.failure(), t.retryState());
            case ActivityTaskCanceled c
            when c.scheduledEventId() == scheduledId ->
                new ActivityTaskCanceled(
                        c.details(), c.latestCancelRequestedEventId(), scheduledId, startedId, c.identity());
            default -> attributes;
        };
    }

    /**
     * Schedules a first-attempt workflow task unless one is pending or the run's first task still
     * waits for its backoff (start delay, retry, cron).
     */
    void scheduleWorkflowTaskIfNone() {
        if (state.workflowTask() == null
                && state.execution().isOpen()
                && !state.execution().isInBackoff()) {
            var execution = state.execution();
            long id = addEvent(new WorkflowTaskScheduled(execution.taskQueue(), execution.workflowTaskTimeout(), 1));
            WorkflowTaskInfo task = WorkflowTaskInfo.scheduled(
                    id, 1, execution.taskQueue(), execution.workflowTaskTimeout(), now, null);
            state.workflowTask(task);
            StickyExecution.dispatch(this, task);
        }
    }

    /** Closes the run with its closing event and forgets what was pending. */
    void close(WorkflowStatus status, EventAttributes closingAttributes) {
        addEvent(closingAttributes);
        state.execution().close(status, now);
        deleteTimer(state.execution().timeoutTimerTaskId());
        deleteTimer(state.execution().backoffTimerTaskId());
        for (var activity : state.activities()) {
            activity.drainAttemptTimers().forEach(this::deleteTimer);
            deleteTimer(activity.scheduleToCloseTimerTaskId());
        }
        for (var timer : state.timers()) {
            deleteTimer(timer.timerTaskId());
        }
        if (state.workflowTask() != null) {
            deleteTimer(state.workflowTask().timeoutTimerTaskId());
        }
        CloseTransfers.write(this, closingEvent);
        for (var pending : state.updates()) {
            if (!pending.isCompleted()) {
                updateProgress(UpdateProgress.abandoned(pending.updateId(), !pending.isAdmitted()));
            }
        }
        state.clearPending();
    }

    long timer(TimerTaskType type, Instant fireTime, long eventId, int attempt, String detail) {
        long taskId = shard.nextTaskId();
        timerTasks.add(
                new TimerTask(shard.shardId(), taskId, fireTime.toEpochMilli(), key(), type, eventId, attempt, detail));
        return taskId;
    }

    void deleteTimer(long taskId) {
        if (taskId != 0) {
            deletedTimerTaskIds.add(taskId);
        }
    }

    /** Marks the activity scheduled by {@code scheduledEventId} to start for the completing worker, undispatched. */
    void eagerActivity(long scheduledEventId) {
        eagerActivities.add(scheduledEventId);
    }

    /** The activities scheduled in this update to start eagerly, in command order. */
    List<Long> eagerActivities() {
        return eagerActivities;
    }

    void transfer(TransferTaskType type, String taskQueue, long scheduledEventId, int attempt) {
        transferTasks.add(new TransferTask(
                shard.shardId(), shard.nextTaskId(), key(), type, taskQueue, scheduledEventId, attempt));
    }

    /** An outbox row about another workflow (ADR 13): {@code eventId} is the *Initiated event it serves. */
    void transfer(TransferTaskType type, long eventId, TransferTarget target) {
        transferTasks.add(new TransferTask(shard.shardId(), shard.nextTaskId(), key(), type, null, eventId, 0, target));
    }

    List<HistoryEvent> events() {
        return events;
    }

    List<TimerTask> timerTasks() {
        return timerTasks;
    }

    List<Long> deletedTimerTaskIds() {
        return deletedTimerTaskIds;
    }

    List<TransferTask> transferTasks() {
        return transferTasks;
    }

    /** Records what happened to an update, for its waiters after the commit. */
    void updateProgress(UpdateProgress progress) {
        updateProgress.add(progress);
    }

    List<UpdateProgress> updateProgress() {
        return updateProgress;
    }

    /**
     * Makes {@code next} (a new run of the same workflow id, see {@link NewRun}) the current run in
     * this update's transaction: continue-as-new, a workflow retry, the next cron run, or a start
     * that terminates this run.
     */
    void successor(RunUpdate next, String startRequestId) {
        this.successor = next;
        this.successorStartRequestId = startRequestId;
    }

    /** The run this update creates after closing its own, or null. */
    RunUpdate successor() {
        return successor;
    }

    String successorStartRequestId() {
        return successorStartRequestId;
    }

    /**
     * Records an event to be written after the command events of the workflow task being
     * completed (a task's command events stay contiguous); it is flushed with the buffered events.
     */
    void addEventAfterCommands(EventAttributes attributes) {
        state.bufferEvent(new HistoryEvent(0, now, attributes));
    }

    /** The event that closed the run in this update, or null. */
    HistoryEvent closingEvent() {
        return closingEvent;
    }

    ExecutionWrite write() {
        return new ExecutionWrite(events, timerTasks, transferTasks, deletedTimerTaskIds);
    }
}
