package io.perdura.sdk.internal.worker;

import io.perdura.common.api.HeartbeatResponse;
import io.perdura.common.error.ErrorType;
import io.perdura.sdk.activity.ActivityInfo;
import io.perdura.sdk.client.ActivityCanceledException;
import io.perdura.sdk.client.ActivityCompletionException;
import io.perdura.sdk.client.ActivityCompletionFailureException;
import io.perdura.sdk.client.ActivityNotExistsException;
import io.perdura.sdk.client.ActivityWorkerShutdownException;
import io.perdura.sdk.client.WorkflowServiceException;
import io.perdura.sdk.common.converter.DataConverter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The heartbeats of one activity attempt, throttled as in Temporal's SDK: a heartbeat goes to the
 * server at once when none went within the last interval (0.8 x the heartbeat timeout, or the
 * default without one, at most the maximum); later ones only record their details, and when the
 * interval ends a timer sends the latest, so the last progress is not lost. What the last answer
 * said (the workflow asked to cancel, the attempt is gone) is thrown by every heartbeat call.
 */
final class HeartbeatContext {

    private static final Logger log = LoggerFactory.getLogger(HeartbeatContext.class);
    /** How soon a heartbeat that could not be delivered is tried again. */
    static final Duration RETRY_WAIT = Duration.ofSeconds(1);

    private final ActivityInfo info;
    private final Function<JsonNode, HeartbeatResponse> sender;
    private final DataConverter converter;
    private final ScheduledExecutorService scheduler;
    private final BooleanSupplier workerStopping;
    private final Duration interval;
    private final ReentrantLock lock = new ReentrantLock();

    private boolean receivedAHeartbeat;
    private Object lastDetails;
    private boolean hasOutstandingHeartbeat;
    private ScheduledFuture<?> scheduledHeartbeat;
    private ActivityCompletionException lastException;
    private boolean cancelRequested;
    private boolean rejectNewHeartbeats;

    /**
     * @param sender sends one heartbeat (details already converted) and returns the server's answer
     * @param workerStopping whether the worker is shutting down
     */
    HeartbeatContext(
            ActivityInfo info,
            Function<JsonNode, HeartbeatResponse> sender,
            ScheduledExecutorService scheduler,
            BooleanSupplier workerStopping,
            Duration defaultInterval,
            Duration maxInterval,
            DataConverter converter) {
        this.info = info;
        this.sender = sender;
        this.converter = converter;
        this.scheduler = scheduler;
        this.workerStopping = workerStopping;
        this.interval = interval(info.getHeartbeatTimeout(), defaultInterval, maxInterval);
    }

    /** 0.8 x the heartbeat timeout, or {@code defaultInterval} without one; never more than {@code max}. */
    static Duration interval(Duration heartbeatTimeout, Duration defaultInterval, Duration max) {
        Duration interval = heartbeatTimeout == null || heartbeatTimeout.isZero()
                ? defaultInterval
                : Duration.ofMillis((long) (0.8 * heartbeatTimeout.toMillis()));
        return interval.compareTo(max) > 0 ? max : interval;
    }

    Duration interval() {
        return interval;
    }

    void heartbeat(Object details) {
        if (workerStopping.getAsBoolean() || scheduler.isShutdown()) {
            throw new ActivityWorkerShutdownException(info);
        }
        lock.lock();
        try {
            if (rejectNewHeartbeats) {
                throw new IllegalStateException(
                        "the activity returned after doNotCompleteOnReturn(); heartbeat through ActivityCompletionClient");
            }
            receivedAHeartbeat = true;
            lastDetails = details;
            hasOutstandingHeartbeat = true;
            if (scheduledHeartbeat == null) {
                sendLocked(details);
            }
            if (lastException != null) {
                throw lastException;
            }
        } finally {
            lock.unlock();
        }
    }

    /** This attempt's latest details once it heartbeated, else those of an earlier attempt. */
    <V> Optional<V> details(Class<V> detailsClass) {
        lock.lock();
        try {
            if (receivedAHeartbeat) {
                return Optional.ofNullable(
                        lastDetails == null
                                ? null
                                : converter.fromPayload(converter.toPayload(lastDetails), detailsClass));
            }
        } finally {
            lock.unlock();
        }
        return previousAttemptDetails(detailsClass);
    }

    <V> Optional<V> previousAttemptDetails(Class<V> detailsClass) {
        return info.getHeartbeatDetails().map(details -> converter.fromPayload(details, detailsClass));
    }

    /** The details of this attempt's latest heartbeat as a payload, sent or not; null before any. */
    JsonNode latestDetails() {
        lock.lock();
        try {
            return receivedAHeartbeat && lastDetails != null ? converter.toPayload(lastDetails) : null;
        } finally {
            lock.unlock();
        }
    }

    /** Whether a heartbeat's answer said the workflow asked the activity to cancel. */
    boolean isCancelRequested() {
        lock.lock();
        try {
            return cancelRequested;
        } finally {
            lock.unlock();
        }
    }

    /** The activity finished: a heartbeat waiting for its interval is not sent any more. */
    void cancelOutstandingHeartbeat() {
        lock.lock();
        try {
            if (scheduledHeartbeat != null) {
                scheduledHeartbeat.cancel(false);
                scheduledHeartbeat = null;
            }
            hasOutstandingHeartbeat = false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The activity returned and completes asynchronously: a heartbeat waiting for its interval is
     * still sent, new ones through this context are refused.
     */
    void asyncCompletionStarted() {
        lock.lock();
        try {
            rejectNewHeartbeats = true;
        } finally {
            lock.unlock();
        }
    }

    private void sendLocked(Object details) {
        Duration next;
        try {
            HeartbeatResponse answer = sender.apply(details == null ? null : converter.toPayload(details));
            if (answer != null && answer.cancelRequested()) {
                cancelRequested = true;
                lastException = new ActivityCanceledException(info);
            } else {
                lastException = null;
            }
            hasOutstandingHeartbeat = false;
            next = interval;
        } catch (WorkflowServiceException e) {
            if (e.getErrorType() == ErrorType.TASK_NOT_FOUND || e.getErrorType() == ErrorType.NOT_FOUND) {
                lastException = new ActivityNotExistsException(info, e);
                hasOutstandingHeartbeat = false;
                next = interval;
            } else if (e.getErrorType() == ErrorType.INVALID_ARGUMENT
                    || e.getErrorType() == ErrorType.FAILED_PRECONDITION) {
                lastException = new ActivityCompletionFailureException(info, e);
                hasOutstandingHeartbeat = false;
                next = interval;
            } else {
                log.warn(
                        "heartbeat of activity {} ({}) failed, trying again in {}: {}",
                        info.getActivityType(),
                        info.getActivityId(),
                        RETRY_WAIT,
                        e.getMessage());
                next = RETRY_WAIT;
            }
        } catch (RuntimeException e) {
            log.error("heartbeat of activity {} ({}) failed", info.getActivityType(), info.getActivityId(), e);
            next = RETRY_WAIT;
        }
        scheduleNextLocked(next);
    }

    private void scheduleNextLocked(Duration delay) {
        if (scheduler.isShutdown()) {
            scheduledHeartbeat = null;
            return;
        }
        try {
            scheduledHeartbeat = scheduler.schedule(this::intervalEnded, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            scheduledHeartbeat = null; // the worker shut down meanwhile
        }
    }

    /** Sends the latest details if a heartbeat came during the interval; else the next one goes at once. */
    private void intervalEnded() {
        lock.lock();
        try {
            if (hasOutstandingHeartbeat) {
                sendLocked(lastDetails);
            } else {
                scheduledHeartbeat = null;
            }
        } finally {
            lock.unlock();
        }
    }
}
