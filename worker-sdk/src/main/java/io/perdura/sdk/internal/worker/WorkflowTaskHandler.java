package io.perdura.sdk.internal.worker;

import io.perdura.common.api.ApiPaths;
import io.perdura.common.api.CompleteQueryTaskRequest;
import io.perdura.common.api.CompleteWorkflowTaskRequest;
import io.perdura.common.api.FailWorkflowTaskRequest;
import io.perdura.common.api.StickyExecutionAttributes;
import io.perdura.common.api.WorkflowTask;
import io.perdura.common.error.ErrorType;
import io.perdura.common.history.EventAttributes.WorkflowExecutionStarted;
import io.perdura.common.history.EventAttributes.WorkflowTaskFailedCause;
import io.perdura.common.history.EventAttributes.WorkflowTaskScheduled;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.model.Failure;
import io.perdura.sdk.client.WorkflowServiceException;
import io.perdura.sdk.common.converter.DataConverter;
import io.perdura.sdk.common.interceptors.WorkerInterceptor;
import io.perdura.sdk.internal.common.FailureConverter;
import io.perdura.sdk.internal.http.PerduraHttp;
import io.perdura.sdk.internal.http.RpcRetryer;
import io.perdura.sdk.internal.replay.LocalActivityRunner;
import io.perdura.sdk.internal.replay.StaleRunException;
import io.perdura.sdk.internal.replay.WorkflowDefinition;
import io.perdura.sdk.internal.replay.WorkflowRun;
import io.perdura.sdk.internal.replay.WorkflowTaskResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

/**
 * Runs one workflow task (or query task) against the cached run or a run rebuilt from the task's
 * history, with the local activities it calls (the task waits for them), and sends the answer, retrying through transient server failures while the task can
 * still be answered (its start-to-close timeout; for a query, the server's query timeout). The
 * activities a completion asks to run eagerly are handed to {@link EagerActivities}.
 */
public final class WorkflowTaskHandler {

    private static final Logger log = LoggerFactory.getLogger(WorkflowTaskHandler.class);
    /** How long the frontend waits for a query's answer by default. */
    private static final Duration QUERY_ANSWER_WINDOW = Duration.ofSeconds(10);

    private final PerduraHttp http;
    private final TaskAnswers answers;
    private final String identity;
    private final String taskQueue;
    private final Map<String, WorkflowDefinition> definitions;
    private final WorkflowCache cache;
    private final Duration deadlockTimeout;
    private final Duration guardWindow;
    private final LocalActivityRunner localActivities;
    private final DataConverter dataConverter;
    private final List<WorkerInterceptor> interceptors;
    private final EagerActivities eagerActivities;
    private final StickyExecutionAttributes sticky;
    private final StickyHistory stickyHistory;

    public WorkflowTaskHandler(
            PerduraHttp http,
            RpcRetryer retryer,
            String identity,
            String taskQueue,
            Map<String, WorkflowDefinition> definitions,
            WorkflowCache cache,
            Duration deadlockTimeout,
            Duration guardWindow,
            LocalActivityRunner localActivities,
            DataConverter dataConverter,
            List<WorkerInterceptor> interceptors,
            EagerActivities eagerActivities,
            StickyExecutionAttributes sticky) {
        this.interceptors = List.copyOf(interceptors);
        this.eagerActivities = eagerActivities;
        this.sticky = sticky;
        this.stickyHistory = new StickyHistory(http, retryer);
        this.http = http;
        this.dataConverter = dataConverter;
        this.answers = new TaskAnswers(http, retryer);
        this.identity = identity;
        this.taskQueue = taskQueue;
        this.definitions = definitions;
        this.cache = cache;
        this.deadlockTimeout = deadlockTimeout;
        this.guardWindow = guardWindow;
        this.localActivities = localActivities;
    }

    public void handle(WorkflowTask task) {
        long receivedAt = System.nanoTime();
        MDC.put("namespace", http.namespace());
        MDC.put("workflowId", task.workflowId());
        MDC.put("runId", task.runId());
        MDC.put("taskQueue", taskQueue);
        try {
            if (task.query() != null) {
                answerQuery(task, receivedAt);
            } else {
                answerWorkflowTask(task, receivedAt);
            }
        } finally {
            MDC.clear();
        }
    }

    private void answerWorkflowTask(WorkflowTask task, long receivedAt) {
        WorkflowRun run = null;
        WorkflowTaskResult result;
        try {
            run = cache.take(task.runId());
            result = null;
            List<HistoryEvent> history = task.history();
            if (StickyHistory.isPartial(history)) {
                List<HistoryEvent> joined = run == null ? null : StickyHistory.join(run.appliedHistory(), history);
                if (joined == null) {
                    log.debug("sticky task without its cached run; reading the whole history");
                    discard(run);
                    run = null;
                    history = stickyHistory.fetch(task.workflowId(), task.runId(), history);
                } else {
                    history = joined;
                }
            }
            if (run != null) {
                try {
                    result = run.processWorkflowTask(history, task.updates());
                } catch (StaleRunException e) {
                    log.debug("cached run is stale ({}); replaying the full history", e.getMessage());
                    run.destroy();
                    run = null;
                    if (StickyHistory.isPartial(task.history())) {
                        history = stickyHistory.fetch(task.workflowId(), task.runId(), task.history());
                    }
                }
            }
            if (result == null) {
                run = newRun(task, history);
                result = run.processWorkflowTask(history, task.updates());
            }
        } catch (RuntimeException e) {
            log.warn("workflow task of {} failed", task.workflowType(), e);
            result = new WorkflowTaskResult.Failed(
                    WorkflowTaskFailedCause.WORKFLOW_WORKER_UNHANDLED_FAILURE, FailureConverter.toFailure(e));
        }
        boolean keep = false;
        try {
            switch (result) {
                case WorkflowTaskResult.Completed completed -> {
                    boolean cached = run != null && !run.isClosed();
                    EagerActivities.Reservation eager = eagerActivities.reserve(completed.commands());
                    PerduraHttp.Response response = null;
                    try {
                        response = answers.send(
                                "RespondWorkflowTaskCompleted",
                                http.path(ApiPaths.WORKFLOW_TASK_COMPLETE),
                                new CompleteWorkflowTaskRequest(
                                        task.taskToken(), eager.commands(), identity, cached ? sticky : null),
                                TaskAnswers.remaining(receivedAt, startToCloseTimeout(task.history())));
                    } finally {
                        eagerActivities.dispatch(eager, response);
                    }
                    keep = cached;
                }
                case WorkflowTaskResult.Failed failed -> {
                    logTaskFailure(task, failed);
                    answers.send(
                            "RespondWorkflowTaskFailed",
                            http.path(ApiPaths.WORKFLOW_TASK_FAIL),
                            new FailWorkflowTaskRequest(task.taskToken(), failed.cause(), failed.failure(), identity),
                            TaskAnswers.remaining(receivedAt, startToCloseTimeout(task.history())));
                }
            }
        } catch (WorkflowServiceException e) {
            if (e.getErrorType() == ErrorType.TASK_NOT_FOUND) {
                log.info("workflow task no longer current (the run closed or the task timed out): {}", e.getMessage());
            } else {
                log.warn("could not answer workflow task: {} ({})", e.getMessage(), e.getErrorType());
            }
        } finally {
            if (run != null) {
                if (keep) {
                    cache.put(task.runId(), run);
                } else {
                    run.destroy();
                }
            }
        }
    }

    private void logTaskFailure(WorkflowTask task, WorkflowTaskResult.Failed failed) {
        if (task.attempt() <= 3 || task.attempt() % 10 == 0) {
            log.warn(
                    "failing workflow task of {} ({}): {}",
                    task.workflowType(),
                    failed.cause(),
                    failed.failure().message());
        } else {
            log.debug(
                    "failing workflow task attempt {}: {}",
                    task.attempt(),
                    failed.failure().message());
        }
    }

    /** The start-to-close timeout of the workflow task being answered, or null when history lacks it. */
    static Duration startToCloseTimeout(List<HistoryEvent> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).attributes() instanceof WorkflowTaskScheduled scheduled) {
                return scheduled.startToCloseTimeout();
            }
        }
        return null;
    }

    private void answerQuery(WorkflowTask task, long receivedAt) {
        JsonNode result = null;
        Failure failure = null;
        WorkflowRun run = cache.take(task.runId());
        try {
            if (run != null) {
                try {
                    result = run.query(
                            task.history(),
                            task.query().queryType(),
                            task.query().input());
                } catch (StaleRunException e) {
                    run.destroy();
                    run = null;
                }
            }
            if (run == null) {
                run = newRun(task, task.history());
                result = run.query(
                        task.history(), task.query().queryType(), task.query().input());
            }
        } catch (RuntimeException e) {
            failure = FailureConverter.toFailure(e);
        }
        try {
            answers.send(
                    "RespondQueryTaskCompleted",
                    http.path(ApiPaths.QUERY_TASK_COMPLETE),
                    new CompleteQueryTaskRequest(task.taskToken(), failure == null ? result : null, failure),
                    TaskAnswers.remaining(receivedAt, QUERY_ANSWER_WINDOW));
        } catch (WorkflowServiceException e) {
            log.warn("could not answer query task: {} ({})", e.getMessage(), e.getErrorType());
        }
        if (run != null) {
            if (failure == null && !run.isClosed()) {
                cache.put(task.runId(), run);
            } else {
                run.destroy();
            }
        }
    }

    private static void discard(WorkflowRun run) {
        if (run != null) {
            run.destroy();
        }
    }

    private WorkflowRun newRun(WorkflowTask task, List<HistoryEvent> history) {
        String type = task.workflowType();
        if (type == null
                && !history.isEmpty()
                && history.getFirst().attributes() instanceof WorkflowExecutionStarted started) {
            type = started.workflowType();
        }
        WorkflowDefinition definition = definitions.get(type);
        if (definition == null) {
            throw new IllegalStateException("workflow type '" + type + "' is not registered with the worker of task"
                    + " queue " + taskQueue + "; registered: " + definitions.keySet());
        }
        return WorkflowRun.create(
                        http.namespace(),
                        definition,
                        task.workflowId(),
                        task.runId(),
                        history,
                        deadlockTimeout,
                        guardWindow,
                        localActivities,
                        dataConverter)
                .withInterceptors(interceptors);
    }
}
