package io.perdura.history.engine;

import io.perdura.common.command.Command.ScheduleActivityTask;
import io.perdura.common.history.EventAttributes.ActivityTaskScheduled;
import io.perdura.common.model.RetryPolicy;
import io.perdura.common.model.TimeoutType;
import io.perdura.history.mutablestate.ActivityInfo;
import io.perdura.history.mutablestate.MutableState;
import io.perdura.history.persistence.TimerTaskType;
import io.perdura.history.persistence.TransferTaskType;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** The activity commands of a workflow task: validation and the events and pending activities they make. */
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
                completedId);
        long scheduledId = update.addEvent(scheduled);
        Instant now = update.now();
        ActivityInfo activity = new ActivityInfo(scheduledId, scheduled, now);
        update.state().addActivity(activity);
        update.transfer(TransferTaskType.ACTIVITY_TASK, taskQueue, scheduledId, 1);
        if (scheduleToClose != null) {
            activity.scheduleToCloseTimerTaskId(update.timer(
                    TimerTaskType.ACTIVITY_TIMEOUT,
                    now.plus(scheduleToClose),
                    scheduledId,
                    0,
                    TimeoutType.SCHEDULE_TO_CLOSE.name()));
        }
        if (scheduleToStart != null) {
            activity.addAttemptTimer(update.timer(
                    TimerTaskType.ACTIVITY_TIMEOUT,
                    now.plus(scheduleToStart),
                    scheduledId,
                    1,
                    TimeoutType.SCHEDULE_TO_START.name()));
        }
    }
}
