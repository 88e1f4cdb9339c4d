package io.perdura.history.engine;

import io.perdura.common.api.ActivityTask;
import io.perdura.common.api.HeartbeatResponse;
import io.perdura.common.api.TaskToken;
import io.perdura.common.error.PerduraException;
import io.perdura.common.history.EventAttributes;
import io.perdura.common.history.EventAttributes.ActivityTaskCompleted;
import io.perdura.common.history.EventAttributes.ActivityTaskFailed;
import io.perdura.common.history.EventAttributes.ActivityTaskStarted;
import io.perdura.common.history.EventAttributes.ActivityTaskTimedOut;
import io.perdura.common.model.Failure;
import io.perdura.common.model.RetryState;
import io.perdura.common.model.TimeoutType;
import io.perdura.common.service.HistoryRequest.RecordActivityTaskHeartbeat;
import io.perdura.common.service.HistoryRequest.RecordActivityTaskStarted;
import io.perdura.common.service.HistoryRequest.RespondActivityTaskCompleted;
import io.perdura.common.service.HistoryRequest.RespondActivityTaskFailed;
import io.perdura.history.mutablestate.ActivityInfo;
import io.perdura.history.mutablestate.MutableState;
import io.perdura.history.persistence.TimerTask;
import io.perdura.history.persistence.TimerTaskType;
import io.perdura.history.persistence.TransferTaskType;
import java.time.Instant;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * Activities: record an attempt started (MutableState only), complete, fail with retries on durable
 * timers (no events), heartbeats, and the four timeouts. Only the final outcome is written:
 * ActivityTaskStarted (the last attempt) + ActivityTaskCompleted/Failed/TimedOut.
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
            Instant now = update.now();
            activity.start(request.pollRequestId(), request.identity(), now);
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
            return toActivityTask(state, activity);
        });
    }

    private static ActivityTask toActivityTask(MutableState state, ActivityInfo activity) {
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
                key.workflowId(),
                key.runId(),
                state.execution().workflowType(),
                activity.activityId(),
                activity.activityType(),
                activity.input(),
                activity.attempt(),
                activity.attemptScheduledTime(),
                activity.startedTime(),
                activity.startToCloseTimeout(),
                activity.heartbeatTimeout(),
                activity.heartbeatDetails());
    }

    void completed(RespondActivityTaskCompleted request) {
        TaskToken token = requireActivityToken(request.token());
        var body = request.request();
        executor.update(token.namespace(), token.workflowId(), token.runId(), update -> {
            ActivityInfo activity = running(update.state(), token);
            close(
                    update,
                    activity,
                    true,
                    startedId -> new ActivityTaskCompleted(
                            activity.scheduledEventId(), startedId, body.result(), body.identity()));
            return null;
        });
    }

    void failed(RespondActivityTaskFailed request) {
        TaskToken token = requireActivityToken(request.token());
        var body = request.request();
        Failure failure = body.failure() == null
                ? Failure.application(null, "activity failed without a failure", false)
                : body.failure();
        executor.update(token.namespace(), token.workflowId(), token.runId(), update -> {
            ActivityInfo activity = running(update.state(), token);
            failAttempt(update, activity, failure, false, body.identity());
            return null;
        });
    }

    HeartbeatResponse heartbeat(RecordActivityTaskHeartbeat request) {
        TaskToken token = requireActivityToken(request.token());
        return executor.update(token.namespace(), token.workflowId(), token.runId(), update -> {
            ActivityInfo activity = running(update.state(), token);
            activity.recordHeartbeat(request.request().details(), update.now());
            return new HeartbeatResponse(false);
        });
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
                failAttempt(update, activity, Failure.timeout(type), true, null);
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
                failAttempt(update, activity, Failure.timeout(type), true, null);
            }
            case SCHEDULE_TO_START -> {
                if (activity.state() != ActivityInfo.State.SCHEDULED || activity.attempt() != timer.attempt()) {
                    update.noChange();
                    return;
                }
                timedOut(update, activity, Failure.timeout(type), RetryState.TIMEOUT);
            }
            case SCHEDULE_TO_CLOSE -> timedOut(update, activity, Failure.timeout(type), RetryState.TIMEOUT);
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

    /** A running attempt failed or timed out: retry on a durable timer if the policy allows, else close. */
    private void failAttempt(
            RunUpdate update, ActivityInfo activity, Failure failure, boolean timedOut, String identity) {
        RetryState retryState =
                activity.retryPolicy().retryState(activity.attempt(), failure.type(), failure.nonRetryable());
        Instant nextAttempt = update.now().plus(activity.retryPolicy().backoff(activity.attempt()));
        Instant deadline = activity.scheduleToCloseDeadline();
        if (retryState == RetryState.IN_PROGRESS && deadline != null && !nextAttempt.isBefore(deadline)) {
            retryState = RetryState.TIMEOUT;
        }
        if (retryState == RetryState.IN_PROGRESS) {
            activity.drainAttemptTimers().forEach(update::deleteTimer);
            activity.retry(failure, nextAttempt);
            update.timer(
                    TimerTaskType.ACTIVITY_RETRY, nextAttempt, activity.scheduledEventId(), activity.attempt(), null);
            return;
        }
        RetryState finalState = retryState;
        if (timedOut) {
            close(
                    update,
                    activity,
                    true,
                    startedId -> new ActivityTaskTimedOut(activity.scheduledEventId(), startedId, failure, finalState));
        } else {
            close(
                    update,
                    activity,
                    true,
                    startedId -> new ActivityTaskFailed(
                            activity.scheduledEventId(), startedId, failure, finalState, identity));
        }
    }

    private void timedOut(RunUpdate update, ActivityInfo activity, Failure failure, RetryState retryState) {
        boolean started = activity.state() == ActivityInfo.State.STARTED;
        close(
                update,
                activity,
                started,
                startedId -> new ActivityTaskTimedOut(activity.scheduledEventId(), startedId, failure, retryState));
    }

    /** Writes (or buffers) the final outcome and forgets the activity. */
    private void close(
            RunUpdate update, ActivityInfo activity, boolean withStarted, LongFunction<EventAttributes> outcome) {
        activity.drainAttemptTimers().forEach(update::deleteTimer);
        update.deleteTimer(activity.scheduleToCloseTimerTaskId());
        update.state().removeActivity(activity.scheduledEventId());
        ActivityTaskStarted started = withStarted
                ? new ActivityTaskStarted(
                        activity.scheduledEventId(),
                        activity.identity(),
                        activity.requestId(),
                        activity.attempt(),
                        activity.lastFailure())
                : null;
        update.addActivityOutcome(started, outcome);
    }

    private static ActivityInfo running(MutableState state, TaskToken token) {
        ActivityInfo activity = state.activity(token.scheduledEventId());
        if (!state.execution().isOpen() || activity == null || !activity.isRunning(token.attempt())) {
            throw WorkflowTaskHandler.taskNotFound();
        }
        return activity;
    }

    private static TaskToken requireActivityToken(TaskToken token) {
        if (token == null || token.kind() != TaskToken.Kind.ACTIVITY) {
            throw PerduraException.invalidArgument("not an activity task token");
        }
        return token;
    }
}
