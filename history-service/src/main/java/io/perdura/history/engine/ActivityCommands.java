package io.perdura.history.engine;

import io.perdura.common.command.Command.RequestCancelActivityTask;
import io.perdura.common.command.Command.ScheduleActivityTask;
import io.perdura.common.history.EventAttributes;
import io.perdura.common.history.EventAttributes.ActivityTaskCancelRequested;
import io.perdura.common.history.EventAttributes.ActivityTaskCanceled;
import io.perdura.common.history.EventAttributes.ActivityTaskCompleted;
import io.perdura.common.history.EventAttributes.ActivityTaskFailed;
import io.perdura.common.history.EventAttributes.ActivityTaskScheduled;
import io.perdura.common.history.EventAttributes.ActivityTaskTimedOut;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.model.RetryPolicy;
import io.perdura.common.model.TimeoutType;
import io.perdura.history.mutablestate.ActivityInfo;
import io.perdura.history.mutablestate.MutableState;
import io.perdura.history.persistence.TimerTaskType;
import io.perdura.history.persistence.TransferTaskType;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * The activity commands of a workflow task: validation and the events and pending activities they
 * make. A cancel request writes ActivityTaskCancelRequested; an activity with no attempt running is
 * canceled at once, its ActivityTaskCanceled buffered so that it follows all of the task's command
 * events (the SDK matches them as one run); a running one is marked and waits for its worker. An
 * activity whose command asks for eager execution on the run's own task queue is not dispatched:
 * {@link EagerActivities} starts it for the completing worker once all commands are applied.
 */
final class ActivityCommands {

    private ActivityCommands() {}

    static String validateSchedule(ScheduleActivityTask a, MutableState state, Set<String> ids) {
        if (a.activityId() == null || a.activityId().isBlank()) {
            return "activityId is required";
        }
        if (a.activityType() == null || a.activityType().isBlank()) {
            return "activityType is required";
        }
        if (state.hasActivityId(a.activityId()) || !ids.add(a.activityId())) {
            return "activityId " + a.activityId() + " is already pending";
        }
        if (a.input() != null && !a.input().isNull() && !a.input().isArray()) {
            return "input must be a JSON array";
        }
        if (a.header() != null && !a.header().isObject()) {
            return "header must be a JSON object";
        }
        if (!CommandProcessor.positive(a.startToCloseTimeout())
                && !CommandProcessor.positive(a.scheduleToCloseTimeout())) {
            return "startToCloseTimeout or scheduleToCloseTimeout is required";
        }
        for (Duration d : new Duration[] {
            a.startToCloseTimeout(), a.scheduleToCloseTimeout(), a.scheduleToStartTimeout(), a.heartbeatTimeout()
        }) {
            if (d != null && d.isNegative()) {
                return "timeouts must not be negative";
            }
        }
        return null;
    }

    static String validateRequestCancel(RequestCancelActivityTask c, MutableState state, Set<Long> ids) {
        long scheduledId = c.scheduledEventId();
        ActivityInfo activity = state.activity(scheduledId);
        if (activity == null && !hasBufferedOutcome(state, scheduledId)) {
            return "no pending activity was scheduled by event " + scheduledId;
        }
        if ((activity != null && activity.isCancelRequested()) || !ids.add(scheduledId)) {
            return "activity of event " + scheduledId + " is already being canceled";
        }
        return null;
    }

    /** Whether the outcome of the activity waits in the buffer, to be written after the task. */
    private static boolean hasBufferedOutcome(MutableState state, long scheduledId) {
        for (HistoryEvent event : state.bufferedEvents()) {
            EventAttributes attributes = event.attributes();
            long outcomeOf = switch (attributes) {
                case ActivityTaskCompleted a -> a.scheduledEventId();
                case ActivityTaskFailed a -> a.scheduledEventId();
                case ActivityTaskTimedOut a -> a.scheduledEventId();
                case ActivityTaskCanceled a -> a.scheduledEventId();
                default -> 0;
            };
            if (outcomeOf == scheduledId) {
                return true;
            }
        }
        return false;
    }

    /**
     * Writes ActivityTaskCancelRequested. An activity with no attempt running is dropped with its
     * timers, and its ActivityTaskCanceled buffered (unless the task closes the run, which drops
     * every pending activity and writes nothing after its closing event).
     */
    static void requestCancel(RunUpdate update, RequestCancelActivityTask c, long completedId, boolean closesRun) {
        long scheduledId = c.scheduledEventId();
        long requestedId = update.addEvent(new ActivityTaskCancelRequested(scheduledId, completedId));
        MutableState state = update.state();
        ActivityInfo activity = state.activity(scheduledId);
        if (activity == null || activity.requestCancel(requestedId)) {
            return;
        }
        activity.drainAttemptTimers().forEach(update::deleteTimer);
        update.deleteTimer(activity.scheduleToCloseTimerTaskId());
        state.removeActivity(scheduledId);
        if (!closesRun) {
            state.bufferEvent(new HistoryEvent(
                    0, update.now(), new ActivityTaskCanceled(null, requestedId, scheduledId, 0, null)));
        }
    }

    static void schedule(RunUpdate update, ScheduleActivityTask a, long completedId) {
        var execution = update.state().execution();
        Duration startToClose = CommandProcessor.positive(a.startToCloseTimeout())
                ? a.startToCloseTimeout()
                : a.scheduleToCloseTimeout();
        Duration scheduleToClose =
                CommandProcessor.positive(a.scheduleToCloseTimeout()) ? a.scheduleToCloseTimeout() : null;
        Duration scheduleToStart =
                CommandProcessor.positive(a.scheduleToStartTimeout()) ? a.scheduleToStartTimeout() : null;
        Duration heartbeat = CommandProcessor.positive(a.heartbeatTimeout()) ? a.heartbeatTimeout() : null;
        RetryPolicy policy = a.retryPolicy() != null ? a.retryPolicy() : RetryPolicy.DEFAULT;
        String taskQueue = a.taskQueue() == null || a.taskQueue().isBlank() ? execution.taskQueue() : a.taskQueue();
        var scheduled = new ActivityTaskScheduled(
                a.activityId(),
                a.activityType(),
                taskQueue,
                StartWorkflowHandler.input(a.input()),
                scheduleToClose,
                scheduleToStart,
                startToClose,
                heartbeat,
                policy.withDefaults(),
                completedId,
                a.header());
        long scheduledId = update.addEvent(scheduled);
        Instant now = update.now();
        ActivityInfo activity = new ActivityInfo(scheduledId, scheduled, now);
        update.state().addActivity(activity);
        boolean eager = a.requestEagerExecution() && taskQueue.equals(execution.taskQueue());
        if (eager) {
            update.eagerActivity(scheduledId);
        } else {
            update.transfer(TransferTaskType.ACTIVITY_TASK, taskQueue, scheduledId, 1);
        }
        if (scheduleToClose != null) {
            activity.scheduleToCloseTimerTaskId(update.timer(
                    TimerTaskType.ACTIVITY_TIMEOUT,
                    now.plus(scheduleToClose),
                    scheduledId,
                    0,
                    TimeoutType.SCHEDULE_TO_CLOSE.name()));
        }
        if (scheduleToStart != null && !eager) {
            activity.addAttemptTimer(update.timer(
                    TimerTaskType.ACTIVITY_TIMEOUT,
                    now.plus(scheduleToStart),
                    scheduledId,
                    1,
                    TimeoutType.SCHEDULE_TO_START.name()));
        }
    }
}
