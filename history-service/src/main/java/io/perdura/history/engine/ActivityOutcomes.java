package io.perdura.history.engine;

import io.perdura.common.history.EventAttributes;
import io.perdura.common.history.EventAttributes.ActivityTaskFailed;
import io.perdura.common.history.EventAttributes.ActivityTaskStarted;
import io.perdura.common.history.EventAttributes.ActivityTaskTimedOut;
import io.perdura.common.model.Failure;
import io.perdura.common.model.RetryState;
import io.perdura.history.mutablestate.ActivityInfo;
import io.perdura.history.persistence.TimerTaskType;
import java.time.Instant;
import java.util.function.LongFunction;

/**
 * How an activity attempt ends: retried on a durable timer while its retry policy, its
 * schedule-to-close deadline and the absence of a cancel request allow, else closed with its final
 * outcome, written (or buffered) as ActivityTaskStarted + the outcome.
 */
final class ActivityOutcomes {

    private ActivityOutcomes() {}

    /** A running attempt failed or timed out: retry on a durable timer if allowed, else close. */
    static void failAttempt(
            RunUpdate update, ActivityInfo activity, Failure failure, boolean timedOut, String identity) {
        RetryState retryState = activity.isCancelRequested()
                ? RetryState.CANCEL_REQUESTED
                : activity.retryPolicy().retryState(activity.attempt(), failure.type(), failure.nonRetryable());
        Instant nextAttempt = update.now().plus(activity.retryPolicy().backoff(activity.attempt()));
        Instant deadline = activity.scheduleToCloseDeadline();
        if (retryState == RetryState.IN_PROGRESS && deadline != null && !nextAttempt.isBefore(deadline)) {
            retryState = RetryState.TIMEOUT;
        }
        if (retryState == RetryState.IN_PROGRESS) {
            activity.drainAttemptTimers().forEach(update::deleteTimer);
            activity.retry(failure, nextAttempt);
            activity.addAttemptTimer(update.timer(
                    TimerTaskType.ACTIVITY_RETRY, nextAttempt, activity.scheduledEventId(), activity.attempt(), null));
            return;
        }
        RetryState finalState = retryState;
        if (timedOut) {
            Failure timeout = withLastFailure(failure, activity);
            close(
                    update,
                    activity,
                    true,
                    startedId -> new ActivityTaskTimedOut(activity.scheduledEventId(), startedId, timeout, finalState));
        } else {
            close(
                    update,
                    activity,
                    true,
                    startedId -> new ActivityTaskFailed(
                            activity.scheduledEventId(), startedId, failure, finalState, identity));
        }
    }

    /** A timeout of the whole activity (schedule-to-start, schedule-to-close): closed, whatever runs. */
    static void timedOut(RunUpdate update, ActivityInfo activity, Failure failure, RetryState retryState) {
        boolean started = activity.state() == ActivityInfo.State.STARTED;
        Failure timeout = withLastFailure(failure, activity);
        close(
                update,
                activity,
                started,
                startedId -> new ActivityTaskTimedOut(activity.scheduledEventId(), startedId, timeout, retryState));
    }

    /** A timeout names the failure of the attempt before it as its cause, as in Temporal. */
    private static Failure withLastFailure(Failure timeout, ActivityInfo activity) {
        return activity.lastFailure() == null ? timeout : timeout.withCause(activity.lastFailure());
    }

    /** Writes (or buffers) the final outcome and forgets the activity. */
    static void close(
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
}
