package io.perdura.history.engine;

import io.perdura.common.command.Command;
import io.perdura.common.command.Command.CompleteWorkflowExecution;
import io.perdura.common.command.Command.FailWorkflowExecution;
import io.perdura.common.command.Command.RecordMarker;
import io.perdura.common.command.Command.ScheduleActivityTask;
import io.perdura.common.command.Command.StartTimer;
import io.perdura.common.history.EventAttributes.ActivityTaskScheduled;
import io.perdura.common.history.EventAttributes.MarkerRecorded;
import io.perdura.common.history.EventAttributes.TimerStarted;
import io.perdura.common.history.EventAttributes.WorkflowExecutionCompleted;
import io.perdura.common.history.EventAttributes.WorkflowExecutionFailed;
import io.perdura.common.model.Failure;
import io.perdura.common.model.RetryPolicy;
import io.perdura.common.model.TimeoutType;
import io.perdura.common.model.WorkflowStatus;
import io.perdura.history.mutablestate.ActivityInfo;
import io.perdura.history.mutablestate.MutableState;
import io.perdura.history.mutablestate.TimerInfo;
import io.perdura.history.persistence.TimerTaskType;
import io.perdura.history.persistence.TransferTaskType;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Validates a workflow task's commands and turns each into its event and pending entity. */
final class CommandProcessor {

    private CommandProcessor() {}

    /** Why the commands cannot be applied (a BAD_COMMAND), or null when they are valid. */
    static String validate(List<Command> commands, MutableState state) {
        Set<String> activityIds = new HashSet<>();
        Set<String> timerIds = new HashSet<>();
        for (int i = 0; i < commands.size(); i++) {
            Command command = commands.get(i);
            if (command == null) {
                return "command " + i + " is null";
            }
            if (command.isTerminal() && i != commands.size() - 1) {
                return command.commandType() + " must be the last command";
            }
            String problem = switch (command) {
                case ScheduleActivityTask a -> validateActivity(a, state, activityIds);
                case StartTimer t -> validateTimer(t, state, timerIds);
                case RecordMarker m ->
                    m.markerName() == null || m.markerName().isBlank() ? "markerName is required" : null;
                case CompleteWorkflowExecution c -> null;
                case FailWorkflowExecution f -> f.failure() == null ? "failure is required" : null;
            };
            if (problem != null) {
                return command.commandType() + ": " + problem;
            }
        }
        return null;
    }

    private static String validateActivity(ScheduleActivityTask a, MutableState state, Set<String> ids) {
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
        if (!positive(a.startToCloseTimeout()) && !positive(a.scheduleToCloseTimeout())) {
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

    private static String validateTimer(StartTimer t, MutableState state, Set<String> ids) {
        if (t.timerId() == null || t.timerId().isBlank()) {
            return "timerId is required";
        }
        if (state.timer(t.timerId()) != null || !ids.add(t.timerId())) {
            return "timerId " + t.timerId() + " is already pending";
        }
        if (!positive(t.startToFireTimeout())) {
            return "startToFireTimeout must be positive";
        }
        return null;
    }

    private static boolean positive(Duration d) {
        return d != null && d.isPositive();
    }

    /** Writes the events of valid commands, in order, after WorkflowTaskCompleted {@code completedId}. */
    static void apply(RunUpdate update, List<Command> commands, long completedId) {
        for (Command command : commands) {
            switch (command) {
                case ScheduleActivityTask a -> scheduleActivity(update, a, completedId);
                case StartTimer t -> startTimer(update, t, completedId);
                case RecordMarker m ->
                    update.addEvent(new MarkerRecorded(m.markerName(), m.details(), m.failure(), completedId));
                case CompleteWorkflowExecution c ->
                    update.close(WorkflowStatus.COMPLETED, new WorkflowExecutionCompleted(c.result(), completedId));
                case FailWorkflowExecution f ->
                    update.close(WorkflowStatus.FAILED, new WorkflowExecutionFailed(f.failure(), completedId));
            }
        }
    }

    private static void scheduleActivity(RunUpdate update, ScheduleActivityTask a, long completedId) {
        var execution = update.state().execution();
        Duration startToClose =
                positive(a.startToCloseTimeout()) ? a.startToCloseTimeout() : a.scheduleToCloseTimeout();
        Duration scheduleToClose = positive(a.scheduleToCloseTimeout()) ? a.scheduleToCloseTimeout() : null;
        Duration scheduleToStart = positive(a.scheduleToStartTimeout()) ? a.scheduleToStartTimeout() : null;
        Duration heartbeat = positive(a.heartbeatTimeout()) ? a.heartbeatTimeout() : null;
        RetryPolicy policy = a.retryPolicy() != null
                ? a.retryPolicy()
                : execution.retryPolicy() != null ? execution.retryPolicy() : RetryPolicy.DEFAULT;
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

    private static void startTimer(RunUpdate update, StartTimer t, long completedId) {
        long startedId = update.addEvent(new TimerStarted(t.timerId(), t.startToFireTimeout(), completedId));
        Instant fireTime = update.now().plus(t.startToFireTimeout());
        long taskId = update.timer(TimerTaskType.USER_TIMER, fireTime, startedId, 0, t.timerId());
        update.state().addTimer(new TimerInfo(t.timerId(), startedId, fireTime, taskId));
    }

    /** The failure recorded when a workflow task's commands are rejected. */
    static Failure badCommand(String problem) {
        return new Failure(problem, Failure.FailureKind.SERVER, "BadCommand", true, null, null, null, null, null);
    }
}
