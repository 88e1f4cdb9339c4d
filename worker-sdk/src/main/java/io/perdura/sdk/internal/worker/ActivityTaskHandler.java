package io.perdura.sdk.internal.worker;

import io.perdura.common.api.ActivityTask;
import io.perdura.common.api.ApiPaths;
import io.perdura.common.api.CancelActivityTaskRequest;
import io.perdura.common.api.CompleteActivityTaskRequest;
import io.perdura.common.api.FailActivityTaskRequest;
import io.perdura.common.error.ErrorType;
import io.perdura.common.model.Failure;
import io.perdura.sdk.client.ActivityCanceledException;
import io.perdura.sdk.client.WorkflowServiceException;
import io.perdura.sdk.common.interceptors.WorkerInterceptor;
import io.perdura.sdk.failure.ApplicationFailure;
import io.perdura.sdk.failure.CanceledFailure;
import io.perdura.sdk.internal.common.FailureConverter;
import io.perdura.sdk.internal.http.PerduraHttp;
import io.perdura.sdk.internal.http.RpcRetryer;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs one activity attempt and reports its outcome: its result; canceled, when it stopped with an
 * {@link ActivityCanceledException} or a {@link CanceledFailure} after a heartbeat said its workflow
 * asked it to cancel; else its failure, with its latest heartbeat details. An activity that called
 * {@code doNotCompleteOnReturn()} and returned is not reported (something completes it later), and
 * its slot is freed. Reports are retried through transient server failures until the attempt's
 * start-to-close timeout (counted from when the task arrived) has passed.
 */
public final class ActivityTaskHandler {

    private static final Logger log = LoggerFactory.getLogger(ActivityTaskHandler.class);

    private final PerduraHttp http;
    private final RpcRetryer retryer;
    private final TaskAnswers answers;
    private final String identity;
    private final ActivityWorkerContext worker;
    private final ActivityRegistry registry;
    private final List<WorkerInterceptor> interceptors;

    public ActivityTaskHandler(
            PerduraHttp http,
            RpcRetryer retryer,
            String identity,
            ActivityWorkerContext worker,
            ActivityRegistry registry) {
        this(http, retryer, identity, worker, registry, List.of());
    }

    /** A handler that runs each attempt through {@code interceptors} (the first outermost). */
    public ActivityTaskHandler(
            PerduraHttp http,
            RpcRetryer retryer,
            String identity,
            ActivityWorkerContext worker,
            ActivityRegistry registry,
            List<WorkerInterceptor> interceptors) {
        this.interceptors = List.copyOf(interceptors);
        this.http = http;
        this.retryer = retryer;
        this.answers = new TaskAnswers(http, retryer);
        this.identity = identity;
        this.worker = worker;
        this.registry = registry;
    }

    public void handle(ActivityTask task) {
        long receivedAt = System.nanoTime();
        MDC.put("namespace", http.namespace());
        MDC.put("workflowId", task.workflowId());
        MDC.put("runId", task.runId());
        MDC.put("taskQueue", worker.taskQueue());
        DefaultActivityExecutionContext context =
                new DefaultActivityExecutionContext(http, retryer, task, receivedAt, worker);
        try {
            Object result;
            try {
                result = execute(task, context);
            } catch (Throwable t) {
                context.finished();
                reportFailure(task, context, receivedAt, t);
                return;
            }
            context.finished();
            if (context.isDoNotCompleteOnReturn()) {
                log.debug(
                        "activity {} ({}) returned and completes asynchronously",
                        task.activityType(),
                        task.activityId());
                return;
            }
            answers.send(
                    "RespondActivityTaskCompleted",
                    http.path(ApiPaths.ACTIVITY_TASK_COMPLETE),
                    new CompleteActivityTaskRequest(
                            task.taskToken(), registry.dataConverter().toPayload(result), identity),
                    TaskAnswers.remaining(receivedAt, task.startToCloseTimeout()));
        } catch (WorkflowServiceException e) {
            if (e.getErrorType() == ErrorType.TASK_NOT_FOUND) {
                log.info(
                        "activity {} ({}) no longer current (timed out, canceled or its run closed): {}",
                        task.activityType(),
                        task.activityId(),
                        e.getMessage());
            } else {
                log.warn(
                        "could not report activity {} ({}): {} ({})",
                        task.activityType(),
                        task.activityId(),
                        e.getMessage(),
                        e.getErrorType());
            }
        } finally {
            MDC.clear();
        }
    }

    private Object execute(ActivityTask task, DefaultActivityExecutionContext context) throws Throwable {
        ActivityRegistry.ActivityImplementation impl = registry.get(task.activityType());
        if (impl == null) {
            throw ApplicationFailure.newFailure(
                    "activity type '" + task.activityType() + "' is not registered with the worker of task queue "
                            + worker.taskQueue() + "; registered: " + registry.activityTypes(),
                    "ActivityNotRegistered");
        }
        ActivityContexts.set(context);
        try {
            return ActivityInvoker.invoke(
                    interceptors, impl, context, task.input(), task.header(), registry.dataConverter());
        } finally {
            ActivityContexts.clear();
        }
    }

    private void reportFailure(
            ActivityTask task, DefaultActivityExecutionContext context, long receivedAt, Throwable t) {
        if (context.isCancelRequested() && (t instanceof ActivityCanceledException || t instanceof CanceledFailure)) {
            log.info("activity {} ({}) canceled as its workflow asked", task.activityType(), task.activityId());
            answers.send(
                    "RespondActivityTaskCanceled",
                    http.path(ApiPaths.ACTIVITY_TASK_CANCEL),
                    new CancelActivityTaskRequest(task.taskToken(), null, identity),
                    TaskAnswers.remaining(receivedAt, task.startToCloseTimeout()));
            return;
        }
        if (t instanceof Error error && !(t instanceof AssertionError)) {
            log.error("activity {} threw an Error", task.activityType(), error);
        } else {
            log.warn("activity {} attempt {} failed: {}", task.activityType(), task.attempt(), String.valueOf(t));
        }
        Failure failure = FailureConverter.toFailure(t);
        answers.send(
                "RespondActivityTaskFailed",
                http.path(ApiPaths.ACTIVITY_TASK_FAIL),
                new FailActivityTaskRequest(task.taskToken(), failure, identity, context.latestHeartbeatDetails()),
                TaskAnswers.remaining(receivedAt, task.startToCloseTimeout()));
    }
}
