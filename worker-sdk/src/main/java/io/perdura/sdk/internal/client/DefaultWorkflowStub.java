package io.perdura.sdk.internal.client;

import io.perdura.common.api.ApiPaths;
import io.perdura.common.api.QueryRequest;
import io.perdura.common.api.QueryResponse;
import io.perdura.common.api.SignalRequest;
import io.perdura.common.api.StartWorkflowRequest;
import io.perdura.common.api.StartWorkflowResponse;
import io.perdura.common.api.TerminateRequest;
import io.perdura.common.api.WorkflowExecutionDescription;
import io.perdura.common.api.WorkflowResult;
import io.perdura.common.error.ErrorType;
import io.perdura.common.json.Durations;
import io.perdura.common.model.WorkflowStatus;
import io.perdura.sdk.client.WorkflowExecution;
import io.perdura.sdk.client.WorkflowOptions;
import io.perdura.sdk.client.WorkflowServiceException;
import io.perdura.sdk.client.WorkflowStub;
import io.perdura.sdk.failure.TerminatedFailure;
import io.perdura.sdk.failure.TimeoutFailure;
import io.perdura.sdk.failure.WorkflowFailedException;
import io.perdura.sdk.internal.common.DataConverter;
import io.perdura.sdk.internal.common.FailureConverter;
import io.perdura.sdk.internal.http.PerduraHttp;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/** {@link WorkflowStub} over the REST API. */
public final class DefaultWorkflowStub implements WorkflowStub {

    private static final Duration RESULT_WAIT = Duration.ofSeconds(30);
    private static final Duration MAX_RETRY_BACKOFF = Duration.ofSeconds(5);

    private final PerduraHttp http;
    private final String identity;
    private final String workflowType;
    private final WorkflowOptions options;
    private volatile WorkflowExecution execution;

    /** A stub that starts a new run of {@code workflowType}. */
    public DefaultWorkflowStub(PerduraHttp http, String identity, String workflowType, WorkflowOptions options) {
        if (options == null
                || options.getTaskQueue() == null
                || options.getTaskQueue().isBlank()) {
            throw new IllegalArgumentException("WorkflowOptions.taskQueue is required to start a workflow");
        }
        this.http = http;
        this.identity = identity;
        this.workflowType = workflowType;
        this.options = options;
        String workflowId = options.getWorkflowId() != null
                ? options.getWorkflowId()
                : UUID.randomUUID().toString();
        this.execution = new WorkflowExecution(workflowId, null);
    }

    /** A stub bound to an existing workflow id (and optionally run id). */
    public DefaultWorkflowStub(
            PerduraHttp http, String identity, String workflowId, String runId, String workflowType) {
        this.http = http;
        this.identity = identity;
        this.workflowType = workflowType;
        this.options = null;
        this.execution = new WorkflowExecution(workflowId, runId);
    }

    @Override
    public synchronized WorkflowExecution start(Object... args) {
        if (options == null) {
            throw new IllegalStateException("this stub is bound to an existing workflow and cannot start one");
        }
        if (execution.runId() != null) {
            throw new IllegalStateException("workflow already started by this stub: " + execution);
        }
        StartWorkflowRequest request = new StartWorkflowRequest(
                workflowType,
                options.getTaskQueue(),
                DataConverter.toPayloads(args),
                options.getRequestId() != null
                        ? options.getRequestId()
                        : UUID.randomUUID().toString(),
                options.getWorkflowExecutionTimeout(),
                options.getWorkflowRunTimeout(),
                options.getWorkflowTaskTimeout(),
                options.getRetryOptions() == null
                        ? null
                        : options.getRetryOptions().toRetryPolicy());
        StartWorkflowResponse response = http.post(
                        http.path(ApiPaths.WORKFLOW, execution.workflowId()), request, PerduraHttp.REQUEST_TIMEOUT)
                .read(StartWorkflowResponse.class);
        execution = new WorkflowExecution(response.workflowId(), response.runId());
        return execution;
    }

    boolean isStarted() {
        return execution.runId() != null;
    }

    boolean canStart() {
        return options != null;
    }

    @Override
    public <R> R getResult(Class<R> resultClass) {
        return getResult(null, resultClass, resultClass);
    }

    @Override
    public <R> R getResult(Class<R> resultClass, Type resultType) {
        return getResult(null, resultClass, resultType);
    }

    @Override
    public <R> R getResult(Duration timeout, Class<R> resultClass) {
        return getResult(timeout, resultClass, resultClass);
    }

    @Override
    public <R> R getResult(Duration timeout, Class<R> resultClass, Type resultType) {
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        Duration backoff = Duration.ofMillis(100);
        while (true) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new WorkflowServiceException(
                        ErrorType.TIMEOUT, "workflow " + execution + " still running after " + timeout);
            }
            Duration wait = remaining < RESULT_WAIT.toNanos() ? Duration.ofNanos(remaining) : RESULT_WAIT;
            if (wait.toMillis() < 1) {
                wait = Duration.ofMillis(1);
            }
            String path = PerduraHttp.param(
                    http.path(ApiPaths.WORKFLOW_RESULT, execution.workflowId()), "runId", execution.runId());
            path = PerduraHttp.param(path, "wait", Durations.format(Duration.ofMillis(wait.toMillis())));
            WorkflowResult result;
            try {
                result = http.get(path, wait.plus(PerduraHttp.REQUEST_TIMEOUT)).read(WorkflowResult.class);
            } catch (WorkflowServiceException e) {
                if (!e.isRetryable() || System.nanoTime() + backoff.toNanos() > deadline) {
                    throw e;
                }
                LockSupport.parkNanos(backoff.toNanos());
                backoff = backoff.multipliedBy(2).compareTo(MAX_RETRY_BACKOFF) > 0
                        ? MAX_RETRY_BACKOFF
                        : backoff.multipliedBy(2);
                continue;
            }
            if (result == null || result.status() == null) {
                throw new WorkflowServiceException(
                        ErrorType.INTERNAL, "the server answered the result of " + execution + " without a status");
            }
            if (result.status() == WorkflowStatus.RUNNING) {
                continue;
            }
            return resultOf(result, resultClass, resultType);
        }
    }

    private <R> R resultOf(WorkflowResult result, Class<R> resultClass, Type resultType) {
        String runId = result.runId() != null ? result.runId() : execution.runId();
        switch (result.status()) {
            case COMPLETED, CONTINUED_AS_NEW -> {
                return DataConverter.fromPayload(result.result(), resultClass, resultType);
            }
            default -> {
                RuntimeException cause = result.failure() != null
                        ? FailureConverter.toException(result.failure())
                        : switch (result.status()) {
                            case TERMINATED -> new TerminatedFailure("terminated", null);
                            case TIMED_OUT -> new TimeoutFailure("workflow timed out", null, null);
                            default -> null;
                        };
                throw new WorkflowFailedException(execution.workflowId(), runId, workflowType, result.status(), cause);
            }
        }
    }

    @Override
    public void signal(String signalName, Object... args) {
        String path = PerduraHttp.param(
                http.path(ApiPaths.WORKFLOW_SIGNAL, execution.workflowId(), signalName), "runId", execution.runId());
        SignalRequest request = new SignalRequest(
                DataConverter.toPayloads(args), UUID.randomUUID().toString(), identity);
        http.post(path, request, PerduraHttp.REQUEST_TIMEOUT);
    }

    @Override
    public <R> R query(String queryType, Class<R> resultClass, Object... args) {
        return query(queryType, resultClass, resultClass, args);
    }

    /** A query whose result has a generic type. */
    public <R> R query(String queryType, Class<R> resultClass, Type resultType, Object[] args) {
        String path = PerduraHttp.param(
                http.path(ApiPaths.WORKFLOW_QUERY, execution.workflowId(), queryType), "runId", execution.runId());
        QueryResponse response = http.post(
                        path, new QueryRequest(DataConverter.toPayloads(args)), PerduraHttp.LONG_POLL_TIMEOUT)
                .read(QueryResponse.class);
        return DataConverter.fromPayload(response == null ? null : response.result(), resultClass, resultType);
    }

    @Override
    public void terminate(String reason) {
        String path = PerduraHttp.param(
                http.path(ApiPaths.WORKFLOW_TERMINATE, execution.workflowId()), "runId", execution.runId());
        http.post(path, new TerminateRequest(reason, identity), PerduraHttp.REQUEST_TIMEOUT);
    }

    @Override
    public WorkflowExecutionDescription describe() {
        String path =
                PerduraHttp.param(http.path(ApiPaths.WORKFLOW, execution.workflowId()), "runId", execution.runId());
        return http.get(path, PerduraHttp.REQUEST_TIMEOUT).read(WorkflowExecutionDescription.class);
    }

    @Override
    public WorkflowExecution getExecution() {
        return execution;
    }

    @Override
    public Optional<String> getWorkflowType() {
        return Optional.ofNullable(workflowType);
    }
}
