package io.perdura.history.engine;

import io.perdura.common.api.ActivityTask;
import io.perdura.common.api.HeartbeatResponse;
import io.perdura.common.api.TaskToken;
import io.perdura.common.error.ErrorType;
import io.perdura.common.error.PerduraException;
import io.perdura.common.history.EventAttributes.ActivityTaskCanceled;
import io.perdura.common.history.EventAttributes.ActivityTaskCompleted;
import io.perdura.common.model.Failure;
import io.perdura.common.model.RetryState;
import io.perdura.common.model.TimeoutType;
import io.perdura.common.service.HistoryRequest.RecordActivityTaskHeartbeat;
import io.perdura.common.service.HistoryRequest.RecordActivityTaskHeartbeatById;
import io.perdura.common.service.HistoryRequest.RecordActivityTaskStarted;
import io.perdura.common.service.HistoryRequest.RespondActivityTaskCanceled;
import io.perdura.common.service.HistoryRequest.RespondActivityTaskCanceledById;
import io.perdura.common.service.HistoryRequest.RespondActivityTaskCompleted;
import io.perdura.common.service.HistoryRequest.RespondActivityTaskCompletedById;
import io.perdura.common.service.HistoryRequest.RespondActivityTaskFailed;
import io.perdura.common.service.HistoryRequest.RespondActivityTaskFailedById;
import io.perdura.history.mutablestate.ActivityInfo;
import io.perdura.history.mutablestate.MutableState;
import io.perdura.history.persistence.TimerTask;
import io.perdura.history.persistence.TimerTaskType;
import io.perdura.history.persistence.TransferTaskType;
import java.time.Instant;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Activities: record an attempt started (MutableState only); complete, fail (retries on durable
 * timers, no events), heartbeat and report canceled, by the attempt's task token or by activity id
 * (the running attempt); and the four timeouts. Only the final outcome is written:
 * ActivityTaskStarted (the last attempt) + ActivityTaskCompleted/Failed/TimedOut/Canceled.
 */
final class ActivityTaskHandler {

    private final RunExecutor executor;

    ActivityTaskHandler(RunExecutor executor) {
        this.executor = executor;
    }

    ActivityTask recordStarted(RecordActivityTaskStarted request) {
        return executor.update(request.namespace(), request.workflowId(), request.runId(), update -> {
            MutableState state = update.state();
            ActivityInfo activity = state.activity(request.scheduledEventId());
            if (!state.execution().isOpen() || activity == null || activity.attempt() != request.attempt()) {
                throw WorkflowTaskHandler.taskNotFound();
            }
            if (activity.state() == ActivityInfo.State.STARTED
                    && request.pollRequestId() != null
                    && Objects.equals(activity.requestId(), request.pollRequestId())) {
                update.noChange();
                return toActivityTask(state, activity);
            }
            if (activity.state() != ActivityInfo.State.SCHEDULED) {
                throw WorkflowTaskHandler.taskNotFound();
            }
            startAttempt(update, activity, request.pollRequestId(), request.identity());
            return toActivityTask(state, activity);
        });
    }

    /**
     * Starts the scheduled attempt of {@code activity} now: its schedule-to-start timer goes, its
     * start-to-close (and heartbeat) timers start. A polled attempt and an eager one start alike.
     */
    static void startAttempt(RunUpdate update, ActivityInfo activity, String requestId, String identity) {
        Instant now = update.now();
        activity.start(requestId, identity, now);
        activity.drainAttemptTimers().forEach(update::deleteTimer);
        activity.addAttemptTimer(update.timer(
                TimerTaskType.ACTIVITY_TIMEOUT,
                now.plus(activity.startToCloseTimeout()),
                activity.scheduledEventId(),
                activity.attempt(),
                TimeoutType.START_TO_CLOSE.name()));
        if (activity.heartbeatTimeout() != null) {
            activity.addAttemptTimer(update.timer(
                    TimerTaskType.ACTIVITY_TIMEOUT,
                    now.plus(activity.heartbeatTimeout()),
                    activity.scheduledEventId(),
                    activity.attempt(),
                    TimeoutType.HEARTBEAT.name()));
        }
    }

    static ActivityTask toActivityTask(MutableState state, ActivityInfo activity) {
        var key = state.execution().key();
        var token = new TaskToken(
                TaskToken.Kind.ACTIVITY,
                key.namespace(),
                key.workflowId(),
                key.runId(),
                activity.taskQueue(),
                activity.scheduledEventId(),
                0,
                activity.attempt(),
                null);
        return new ActivityTask(
                token.encode(),
                key.namespace(),
                key.workflowId(),
                key.runId(),
                state.execution().workflowType(),
                activity.activityId(),
                activity.activityType(),
                activity.taskQueue(),
                activity.input(),
                activity.attempt(),
                activity.scheduledTime(),
                activity.attemptScheduledTime(),
                activity.startedTime(),
                activity.scheduleToCloseTimeout(),
                activity.startToCloseTimeout(),
                activity.heartbeatTimeout(),
                activity.heartbeatDetails(),
                activity.header());
    }

    void completed(RespondActivityTaskCompleted request) {
        var body = request.request();
        byToken(request.token(), (update, activity) -> complete(update, activity, body.result(), body.identity()));
    }

    void completedById(RespondActivityTaskCompletedById request) {
        var body = requireById(request.request(), b -> b.workflowId(), b -> b.activityId());
        byId(
                request.namespace(),
                body.workflowId(),
                body.runId(),
                body.activityId(),
                (update, activity) -> complete(update, activity, body.result(), body.identity()));
    }

    private static Void complete(RunUpdate update, ActivityInfo activity, JsonNode result, String identity) {
        ActivityOutcomes.close(
                update,
                activity,
                true,
                startedId -> new ActivityTaskCompleted(activity.scheduledEventId(), startedId, result, identity));
        return null;
    }

    void failed(RespondActivityTaskFailed request) {
        var body = request.request();
        byToken(
                request.token(),
                (update, activity) ->
                        fail(update, activity, body.failure(), body.lastHeartbeatDetails(), body.identity()));
    }

    void failedById(RespondActivityTaskFailedById request) {
        var body = requireById(request.request(), b -> b.workflowId(), b -> b.activityId());
        byId(
                request.namespace(),
                body.workflowId(),
                body.runId(),
                body.activityId(),
                (update, activity) ->
                        fail(update, activity, body.failure(), body.lastHeartbeatDetails(), body.identity()));
    }

    private static Void fail(
            RunUpdate update, ActivityInfo activity, Failure failure, JsonNode lastDetails, String identity) {
        Failure reported =
                failure == null ? Failure.application(null, "activity failed without a failure", false) : failure;
        activity.lastHeartbeatDetails(lastDetails);
        ActivityOutcomes.failAttempt(update, activity, reported, false, identity);
        return null;
    }

    HeartbeatResponse heartbeat(RecordActivityTaskHeartbeat request) {
        JsonNode details = request.request().details();
        return byToken(request.token(), (update, activity) -> heartbeat(update, activity, details));
    }

    HeartbeatResponse heartbeatById(RecordActivityTaskHeartbeatById request) {
        var body = requireById(request.request(), b -> b.workflowId(), b -> b.activityId());
        return byId(
                request.namespace(),
                body.workflowId(),
                body.runId(),
                body.activityId(),
                (update, activity) -> heartbeat(update, activity, body.details()));
    }

    /** Keeps the attempt alive; the answer tells the worker whether the workflow asked to cancel. */
    private static HeartbeatResponse heartbeat(RunUpdate update, ActivityInfo activity, JsonNode details) {
        activity.recordHeartbeat(details, update.now());
        return new HeartbeatResponse(activity.isCancelRequested());
    }

    void canceled(RespondActivityTaskCanceled request) {
        var body = request.request();
        byToken(request.token(), (update, activity) -> cancel(update, activity, body.details(), body.identity()));
    }

    void canceledById(RespondActivityTaskCanceledById request) {
        var body = requireById(request.request(), b -> b.workflowId(), b -> b.activityId());
        byId(
                request.namespace(),
                body.workflowId(),
                body.runId(),
                body.activityId(),
                (update, activity) -> cancel(update, activity, body.details(), body.identity()));
    }

    /** The worker stopped the activity as asked: ActivityTaskStarted + ActivityTaskCanceled. */
    private static Void cancel(RunUpdate update, ActivityInfo activity, JsonNode details, String identity) {
        if (!activity.isCancelRequested()) {
            throw new PerduraException(
                    ErrorType.FAILED_PRECONDITION,
                    "activity " + activity.activityId() + " cannot be reported canceled: its workflow did not ask"
                            + " to cancel it");
        }
        long requestedId = activity.cancelRequestedEventId();
        ActivityOutcomes.close(
                update,
                activity,
                true,
                startedId -> new ActivityTaskCanceled(
                        details, requestedId, activity.scheduledEventId(), startedId, identity));
        return null;
    }

    /** An activity timeout timer fired. */
    void timeoutFired(RunUpdate update, TimerTask timer) {
        ActivityInfo activity = update.state().activity(timer.eventId());
        TimeoutType type = TimeoutType.valueOf(timer.detail());
        if (activity == null) {
            update.noChange();
            return;
        }
        switch (type) {
            case START_TO_CLOSE -> {
                if (!activity.isRunning(timer.attempt())) {
                    update.noChange();
                    return;
                }
                ActivityOutcomes.failAttempt(update, activity, Failure.timeout(type), true, null);
            }
            case HEARTBEAT -> {
                if (!activity.isRunning(timer.attempt())) {
                    update.noChange();
                    return;
                }
                Instant deadline = activity.heartbeatDeadline();
                if (deadline.isAfter(update.now())) {
                    activity.addAttemptTimer(update.timer(
                            TimerTaskType.ACTIVITY_TIMEOUT,
                            deadline,
                            activity.scheduledEventId(),
                            activity.attempt(),
                            TimeoutType.HEARTBEAT.name()));
                    return;
                }
                ActivityOutcomes.failAttempt(update, activity, Failure.timeout(type), true, null);
            }
            case SCHEDULE_TO_START -> {
                if (activity.state() != ActivityInfo.State.SCHEDULED || activity.attempt() != timer.attempt()) {
                    update.noChange();
                    return;
                }
                ActivityOutcomes.timedOut(update, activity, Failure.timeout(type), RetryState.TIMEOUT);
            }
            case SCHEDULE_TO_CLOSE ->
                ActivityOutcomes.timedOut(update, activity, Failure.timeout(type), RetryState.TIMEOUT);
        }
    }

    /** The retry timer of an activity fired: dispatch the next attempt. */
    void retryFired(RunUpdate update, TimerTask timer) {
        ActivityInfo activity = update.state().activity(timer.eventId());
        if (activity == null
                || activity.state() != ActivityInfo.State.BACKOFF
                || activity.attempt() != timer.attempt()) {
            update.noChange();
            return;
        }
        activity.drainAttemptTimers().stream()
                .filter(taskId -> taskId != timer.taskId())
                .forEach(update::deleteTimer);
        activity.dispatch(update.now());
        update.transfer(
                TransferTaskType.ACTIVITY_TASK, activity.taskQueue(), activity.scheduledEventId(), activity.attempt());
        if (activity.scheduleToStartTimeout() != null) {
            activity.addAttemptTimer(update.timer(
                    TimerTaskType.ACTIVITY_TIMEOUT,
                    update.now().plus(activity.scheduleToStartTimeout()),
                    activity.scheduledEventId(),
                    activity.attempt(),
                    TimeoutType.SCHEDULE_TO_START.name()));
        }
    }

    /** Applies {@code action} to the attempt a task token names; TASK_NOT_FOUND unless it is running. */
    private <T> T byToken(TaskToken token, BiFunction<RunUpdate, ActivityInfo, T> action) {
        TaskToken activityToken = requireActivityToken(token);
        return executor.update(activityToken.namespace(), activityToken.workflowId(), activityToken.runId(), update -> {
            MutableState state = update.state();
            ActivityInfo activity = state.activity(activityToken.scheduledEventId());
            if (!state.execution().isOpen() || activity == null || !activity.isRunning(activityToken.attempt())) {
                throw WorkflowTaskHandler.taskNotFound();
            }
            return action.apply(update, activity);
        });
    }

    /**
     * Applies {@code action} to the running attempt of the run's activity {@code activityId} ({@code
     * runId} null: the current run), as with that attempt's token; TASK_NOT_FOUND when none runs.
     */
    private <T> T byId(
            String namespace,
            String workflowId,
            String runId,
            String activityId,
            BiFunction<RunUpdate, ActivityInfo, T> action) {
        return executor.update(namespace, workflowId, runId, update -> {
            MutableState state = update.state();
            ActivityInfo activity = state.execution().isOpen() ? state.activityById(activityId) : null;
            if (activity == null || activity.state() != ActivityInfo.State.STARTED) {
                throw new PerduraException(
                        ErrorType.TASK_NOT_FOUND,
                        "activity " + activityId + " of workflow " + workflowId + " has no attempt running");
            }
            return action.apply(update, activity);
        });
    }

    private static <B> B requireById(B body, Function<B, String> workflowId, Function<B, String> activityId) {
        if (body == null) {
            throw PerduraException.invalidArgument("request is required");
        }
        if (isBlank(workflowId.apply(body))) {
            throw PerduraException.invalidArgument("workflowId is required");
        }
        if (isBlank(activityId.apply(body))) {
            throw PerduraException.invalidArgument("activityId is required");
        }
        return body;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static TaskToken requireActivityToken(TaskToken token) {
        if (token == null || token.kind() != TaskToken.Kind.ACTIVITY) {
            throw PerduraException.invalidArgument("not an activity task token");
        }
        return token;
    }
}
