package io.perdura.sdk.internal.worker;

import io.perdura.common.model.Failure;
import io.perdura.common.model.RetryPolicy;
import io.perdura.common.model.RetryState;
import io.perdura.common.model.TimeoutType;
import io.perdura.sdk.common.interceptors.WorkerInterceptor;
import io.perdura.sdk.failure.ApplicationFailure;
import io.perdura.sdk.internal.common.FailureConverter;
import io.perdura.sdk.internal.replay.LocalActivityOutcome;
import io.perdura.sdk.internal.replay.LocalActivityRequest;
import io.perdura.sdk.internal.replay.LocalActivityRunner;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

/**
 * Runs the local activities of a worker's workflow tasks with the worker's activity implementations,
 * each attempt on a virtual thread of its own, never on a workflow coroutine. An attempt that
 * outlives its start-to-close timeout is interrupted and counts as timed out; a failed attempt is
 * retried here after its backoff while that backoff is within the local retry threshold and ends
 * before the workflow task's deadline, else the outcome says to wait on a workflow timer. The
 * schedule-to-close timeout bounds everything from the first attempt on.
 */
public final class LocalActivityExecutor implements LocalActivityRunner {

    private static final Logger log = LoggerFactory.getLogger(LocalActivityExecutor.class);

    private final ActivityRegistry registry;
    private final List<WorkerInterceptor> interceptors;
    private final String taskQueue;
    private final ExecutorService attempts;
    private final ScheduledThreadPoolExecutor timers;

    public LocalActivityExecutor(ActivityRegistry registry, String taskQueue) {
        this(registry, taskQueue, List.of());
    }

    /** An executor that runs each attempt through {@code interceptors} (the first outermost). */
    public LocalActivityExecutor(ActivityRegistry registry, String taskQueue, List<WorkerInterceptor> interceptors) {
        this.interceptors = List.copyOf(interceptors);
        this.registry = registry;
        this.taskQueue = taskQueue;
        this.attempts = Executors.newThreadPerTaskExecutor(Thread.ofVirtual()
                .name("perdura-local-activity[" + taskQueue + "]-", 0)
                .factory());
        this.timers = new ScheduledThreadPoolExecutor(
                1,
                Thread.ofVirtual()
                        .name("perdura-local-activity-timer[" + taskQueue + "]-", 0)
                        .factory());
        this.timers.setRemoveOnCancelPolicy(true);
    }

    @Override
    public Runnable start(LocalActivityRequest request, Consumer<LocalActivityOutcome> done) {
        ActivityRegistry.ActivityImplementation impl = registry.get(request.activityType());
        if (impl == null) {
            throw new IllegalArgumentException("local activity type '" + request.activityType()
                    + "' is not registered with the worker of task queue " + taskQueue + "; registered: "
                    + registry.activityTypes());
        }
        Execution execution = new Execution(request, impl, done);
        execution.startAttempt(request.attempt());
        return execution::cancel;
    }

    /** Interrupts the attempts that still run; nothing more starts. */
    public void shutdownNow() {
        timers.shutdownNow();
        attempts.shutdownNow();
    }

    /** What to do after attempt {@code attempt} failed. */
    record Decision(RetryState retryState, Duration backoff, boolean local) {}

    /**
     * After a failed attempt: final (not retryable, out of attempts, or the backoff would end after the
     * schedule-to-close deadline), retried here after the backoff, or retried after a workflow timer
     * when the backoff exceeds the local retry threshold or would end after the task's deadline.
     */
    static Decision decide(
            LocalActivityRequest request,
            int attempt,
            String errorType,
            boolean nonRetryable,
            long nowMillis,
            long scheduleToCloseDeadlineMillis,
            long nowNanos) {
        RetryPolicy policy = request.retryPolicy() == null ? RetryPolicy.DEFAULT : request.retryPolicy();
        RetryState state = policy.retryState(attempt, errorType, nonRetryable);
        if (state != RetryState.IN_PROGRESS) {
            return new Decision(state, null, false);
        }
        Duration backoff = policy.backoff(attempt);
        if (nowMillis + backoff.toMillis() >= scheduleToCloseDeadlineMillis) {
            return new Decision(RetryState.TIMEOUT, null, false);
        }
        boolean overThreshold = backoff.compareTo(request.localRetryThreshold()) > 0;
        boolean pastTask =
                nowNanos + backoff.toNanos() - request.localRetryDeadlineNanos().getAsLong() > 0;
        return new Decision(RetryState.IN_PROGRESS, backoff, !overThreshold && !pastTask);
    }

    /** The attempts of one request; every change is made holding its lock. */
    private final class Execution {
        private final LocalActivityRequest request;
        private final ActivityRegistry.ActivityImplementation impl;
        private final Consumer<LocalActivityOutcome> done;
        private final long scheduleToCloseDeadlineMillis;
        private int attempt;
        private boolean finished;
        private Future<?> running;
        private ScheduledFuture<?> timeout;
        private ScheduledFuture<?> retry;

        Execution(
                LocalActivityRequest request,
                ActivityRegistry.ActivityImplementation impl,
                Consumer<LocalActivityOutcome> done) {
            this.request = request;
            this.impl = impl;
            this.done = done;
            this.scheduleToCloseDeadlineMillis = request.scheduleToCloseTimeout() == null
                    ? Long.MAX_VALUE
                    : request.originalScheduledTimeMillis()
                            + request.scheduleToCloseTimeout().toMillis();
        }

        synchronized void startAttempt(int number) {
            if (finished) {
                return;
            }
            attempt = number;
            long now = System.currentTimeMillis();
            long left = scheduleToCloseDeadlineMillis - now;
            if (left <= 0) {
                finish(LocalActivityOutcome.failed(
                        Failure.timeout(TimeoutType.SCHEDULE_TO_CLOSE), RetryState.TIMEOUT, number));
                return;
            }
            Duration limit = request.startToCloseTimeout();
            boolean scheduleToCloseFirst = left < limit.toMillis();
            Duration attemptTimeout = scheduleToCloseFirst ? Duration.ofMillis(left) : limit;
            LocalActivityInfo info = new LocalActivityInfo(request, number, now, now, attemptTimeout);
            running = attempts.submit(() -> run(info));
            timeout = timers.schedule(
                    () -> timedOut(
                            number, scheduleToCloseFirst ? TimeoutType.SCHEDULE_TO_CLOSE : TimeoutType.START_TO_CLOSE),
                    attemptTimeout.toNanos(),
                    TimeUnit.NANOSECONDS);
        }

        private void run(LocalActivityInfo info) {
            MDC.put("namespace", info.getNamespace());
            MDC.put("workflowId", info.getWorkflowId());
            MDC.put("runId", info.getWorkflowRunId());
            MDC.put("taskQueue", taskQueue);
            LocalActivityExecutionContext context = new LocalActivityExecutionContext(info);
            ActivityContexts.set(context);
            Object result = null;
            Throwable failure = null;
            try {
                result = ActivityInvoker.invoke(
                        interceptors, impl, context, request.input(), request.header(), registry.dataConverter());
            } catch (Throwable t) {
                failure = t;
            } finally {
                ActivityContexts.clear();
                MDC.clear();
            }
            attemptEnded(info.attempt(), result, failure);
        }

        private synchronized void attemptEnded(int number, Object result, Throwable failure) {
            if (finished || number != attempt || running == null) {
                return; // it timed out or was canceled meanwhile
            }
            running = null;
            timeout.cancel(false);
            if (failure == null) {
                JsonNode payload;
                try {
                    payload = registry.dataConverter().toPayload(result);
                } catch (RuntimeException e) {
                    retryOrFinish(
                            number, FailureConverter.toFailure(e), e.getClass().getName(), false);
                    return;
                }
                finish(LocalActivityOutcome.completed(payload, number));
                return;
            }
            log.warn(
                    "local activity {} attempt {} failed: {}", request.activityType(), number, String.valueOf(failure));
            ApplicationFailure application = failure instanceof ApplicationFailure a ? a : null;
            retryOrFinish(
                    number,
                    FailureConverter.toFailure(failure),
                    application != null
                            ? application.getType()
                            : failure.getClass().getName(),
                    application != null && application.isNonRetryable());
        }

        private synchronized void timedOut(int number, TimeoutType type) {
            if (finished || number != attempt || running == null) {
                return;
            }
            running.cancel(true);
            running = null;
            log.warn("local activity {} attempt {} timed out ({})", request.activityType(), number, type);
            if (type == TimeoutType.SCHEDULE_TO_CLOSE) {
                finish(LocalActivityOutcome.failed(Failure.timeout(type), RetryState.TIMEOUT, number));
            } else {
                retryOrFinish(number, Failure.timeout(type), null, false);
            }
        }

        private void retryOrFinish(int number, Failure failure, String errorType, boolean nonRetryable) {
            Decision decision = decide(
                    request,
                    number,
                    errorType,
                    nonRetryable,
                    System.currentTimeMillis(),
                    scheduleToCloseDeadlineMillis,
                    System.nanoTime());
            if (decision.retryState() != RetryState.IN_PROGRESS) {
                finish(LocalActivityOutcome.failed(failure, decision.retryState(), number));
            } else if (!decision.local()) {
                finish(LocalActivityOutcome.retryAfter(failure, number, decision.backoff()));
            } else {
                retry = timers.schedule(
                        () -> startAttempt(number + 1), decision.backoff().toNanos(), TimeUnit.NANOSECONDS);
            }
        }

        private void finish(LocalActivityOutcome outcome) {
            finished = true;
            done.accept(outcome);
        }

        synchronized void cancel() {
            finished = true;
            if (running != null) {
                running.cancel(true);
                running = null;
            }
            if (timeout != null) {
                timeout.cancel(false);
            }
            if (retry != null) {
                retry.cancel(false);
            }
        }
    }
}
