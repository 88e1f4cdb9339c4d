package io.perdura.sdk.internal.worker;

import io.perdura.common.api.ActivityTask;
import io.perdura.common.api.ApiPaths;
import io.perdura.common.api.CompleteActivityTaskRequest;
import io.perdura.common.api.FailActivityTaskRequest;
import io.perdura.common.model.Failure;
import io.perdura.sdk.client.WorkflowServiceException;
import io.perdura.sdk.failure.ApplicationFailure;
import io.perdura.sdk.internal.common.DataConverter;
import io.perdura.sdk.internal.common.FailureConverter;
import io.perdura.sdk.internal.http.PerduraHttp;
import java.lang.reflect.InvocationTargetException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Runs one activity attempt and reports its result or failure. */
public final class ActivityTaskHandler {

    private static final Logger log = LoggerFactory.getLogger(ActivityTaskHandler.class);

    private final PerduraHttp http;
    private final String identity;
    private final String taskQueue;
    private final ActivityRegistry registry;

    public ActivityTaskHandler(PerduraHttp http, String identity, String taskQueue, ActivityRegistry registry) {
        this.http = http;
        this.identity = identity;
        this.taskQueue = taskQueue;
        this.registry = registry;
    }

    public void handle(ActivityTask task) {
        MDC.put("namespace", http.namespace());
        MDC.put("workflowId", task.workflowId());
        MDC.put("runId", task.runId());
        MDC.put("taskQueue", taskQueue);
        try {
            Object result;
            try {
                result = execute(task);
            } catch (Throwable t) {
                reportFailure(task, t);
                return;
            }
            http.post(
                    http.path(ApiPaths.ACTIVITY_TASK_COMPLETE),
                    new CompleteActivityTaskRequest(task.taskToken(), DataConverter.toPayload(result), identity),
                    PerduraHttp.REQUEST_TIMEOUT);
        } catch (WorkflowServiceException e) {
            log.warn("could not report activity {} ({}): {}", task.activityType(), task.activityId(), e.getMessage());
        } finally {
            MDC.clear();
        }
    }

    private Object execute(ActivityTask task) throws Throwable {
        ActivityRegistry.ActivityImplementation impl = registry.get(task.activityType());
        if (impl == null) {
            throw ApplicationFailure.newFailure(
                    "activity type '" + task.activityType() + "' is not registered with the worker of task queue "
                            + taskQueue + "; registered: " + registry.activityTypes(),
                    "ActivityNotRegistered");
        }
        ActivityContexts.set(new DefaultActivityExecutionContext(http, task, taskQueue));
        try {
            Object[] args = DataConverter.fromPayloads(task.input(), impl.method());
            impl.method().setAccessible(true);
            return impl.method().invoke(impl.target(), args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            ActivityContexts.clear();
        }
    }

    private void reportFailure(ActivityTask task, Throwable t) {
        if (t instanceof Error error && !(t instanceof AssertionError)) {
            log.error("activity {} threw an Error", task.activityType(), error);
        } else {
            log.warn("activity {} attempt {} failed: {}", task.activityType(), task.attempt(), String.valueOf(t));
        }
        Failure failure = FailureConverter.toFailure(t);
        http.post(
                http.path(ApiPaths.ACTIVITY_TASK_FAIL),
                new FailActivityTaskRequest(task.taskToken(), failure, identity),
                PerduraHttp.REQUEST_TIMEOUT);
    }
}
