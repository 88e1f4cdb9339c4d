package io.perdura.sdk.internal.client;

import io.perdura.common.api.ApiPaths;
import io.perdura.common.api.CancelRequest;
import io.perdura.common.api.QueryRequest;
import io.perdura.common.api.QueryResponse;
import io.perdura.common.api.SignalRequest;
import io.perdura.common.api.SignalWithStartRequest;
import io.perdura.common.api.StartWorkflowRequest;
import io.perdura.common.api.StartWorkflowResponse;
import io.perdura.common.api.TerminateRequest;
import io.perdura.common.api.WorkflowExecutionDescription;
import io.perdura.common.api.WorkflowResult;
import io.perdura.common.error.ErrorType;
import io.perdura.common.json.Durations;
import io.perdura.common.model.WorkflowStatus;
import io.perdura.sdk.client.UpdateOptions;
import io.perdura.sdk.client.WorkflowExecution;
import io.perdura.sdk.client.WorkflowOptions;
import io.perdura.sdk.client.WorkflowServiceException;
import io.perdura.sdk.client.WorkflowStub;
import io.perdura.sdk.client.WorkflowUpdateHandle;
import io.perdura.sdk.client.WorkflowUpdateStage;
import io.perdura.sdk.common.converter.DataConverter;
import io.perdura.sdk.common.interceptors.Header;
import io.perdura.sdk.common.interceptors.WorkflowClientCallsInterceptor;
import io.perdura.sdk.failure.CanceledFailure;
import io.perdura.sdk.failure.TerminatedFailure;
import io.perdura.sdk.failure.TimeoutFailure;
import io.perdura.sdk.failure.WorkflowFailedException;
import io.perdura.sdk.internal.common.FailureConverter;
import io.perdura.sdk.internal.common.HeaderCodec;
import io.perdura.sdk.internal.http.PerduraHttp;
import io.perdura.sdk.internal.http.RpcRetryer;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * {@link WorkflowStub} over the REST API. Calls that are safe to repeat are retried through transient
 * server failures: start (with the same requestId, which the server dedupes), signal (same
 * requestId, recorded once), describe, and the result wait (until the caller's own timeout).
 * Terminate and query are retried only when the frontend could not be reached at all, so the request
 * surely never arrived.
 */
public final class DefaultWorkflowStub implements WorkflowStub {

    private static final Duration RESULT_WAIT = Duration.ofSeconds(30);

    private final PerduraHttp http;
    private final DataConverter converter;
    private final RpcRetryer retryer;
    private final String identity;
    private final String workflowType;
    private final WorkflowOptions options;
    private final LocalWorkflowWorkers localWorkers;
    private volatile WorkflowExecution execution;
    private final WorkflowClientCallsInterceptor calls;

    /** A stub that starts a new run of {@code workflowType}, never eagerly. */
    public DefaultWorkflowStub(
            PerduraHttp http, DataConverter converter, String identity, String workflowType, WorkflowOptions options) {
        this(http, converter, identity, workflowType, options, new LocalWorkflowWorkers());
    }

    /**
     * A stub that starts a new run of {@code workflowType}, handing its first workflow task to one of
     * {@code localWorkers} when it can (ADR 29).
     */
    public DefaultWorkflowStub(
            PerduraHttp http,
            DataConverter converter,
            String identity,
            String workflowType,
            WorkflowOptions options,
            LocalWorkflowWorkers localWorkers) {
        if (options == null
                || options.getTaskQueue() == null
                || options.getTaskQueue().isBlank()) {
            throw new IllegalArgumentException("WorkflowOptions.taskQueue is required to start a workflow");
        }
        this.http = http;
        this.converter = converter;
        this.retryer = new RpcRetryer(http, new CompletableFuture<>());
        this.identity = identity;
        this.workflowType = workflowType;
        this.options = options;
        this.localWorkers = localWorkers;
        String workflowId = options.getWorkflowId() != null
                ? options.getWorkflowId()
                : UUID.randomUUID().toString();
        this.execution = new WorkflowExecution(workflowId, null);
        this.calls = ClientCalls.chain(http.clientInterceptors(), new ClientCalls.Root(this));
    }

    /** A stub bound to an existing workflow id (and optionally run id). */
    public DefaultWorkflowStub(
            PerduraHttp http,
            DataConverter converter,
            String identity,
            String workflowId,
            String runId,
            String workflowType) {
        this.http = http;
        this.converter = converter;
        this.retryer = new RpcRetryer(http, new CompletableFuture<>());
        this.identity = identity;
        this.workflowType = workflowType;
        this.options = null;
        this.localWorkers = new LocalWorkflowWorkers();
        this.execution = new WorkflowExecution(workflowId, runId);
        this.calls = ClientCalls.chain(http.clientInterceptors(), new ClientCalls.Root(this));
    }

    @Override
    public synchronized WorkflowExecution start(Object... args) {
        if (options == null) {
            throw new IllegalStateException("this stub is bound to an existing workflow and cannot start one");
        }
        if (execution.runId() != null) {
            throw new IllegalStateException("workflow already started by this stub: " + execution);
        }
        execution = calls.start(startInput(args)).execution();
        return execution;
    }

    private WorkflowClientCallsInterceptor.WorkflowStartInput startInput(Object[] args) {
        return new WorkflowClientCallsInterceptor.WorkflowStartInput(
                execution.workflowId(), workflowType, options, args == null ? new Object[0] : args, Header.empty());
    }

    /** The start itself, under the interceptors. */
    WorkflowExecution doStart(WorkflowClientCallsInterceptor.WorkflowStartInput input) {
        LocalWorkflowWorkers.Reservation slot = eagerSlot();
        StartWorkflowRequest request =
                startRequest(input.arguments(), slot != null).withHeader(HeaderCodec.toJson(input.header()));
        String path = http.path(ApiPaths.WORKFLOW, execution.workflowId());
        StartWorkflowResponse response;
        try {
            response = retryer.call(
                            "StartWorkflowExecution", attempt -> http.post(path, request, PerduraHttp.REQUEST_TIMEOUT))
                    .read(StartWorkflowResponse.class);
        } catch (RuntimeException e) {
            if (slot != null) {
                slot.release();
            }
            throw e;
        }
        if (slot != null) {
            if (response.eagerWorkflowTask() != null) {
                slot.run(response.eagerWorkflowTask());
            } else {
                slot.release();
            }
        }
        return new WorkflowExecution(response.workflowId(), response.runId());
    }

    /**
     * A workflow-task slot of a local worker reserved for this start's first task, or null when the
     * start should not ask for it: switched off, delayed or cron (the server would not grant it), or
     * no started worker of the queue runs the type with a slot free.
     */
    private LocalWorkflowWorkers.Reservation eagerSlot() {
        if (options.isDisableEagerExecution()
                || options.getStartDelay() != null && options.getStartDelay().isPositive()
                || options.getCronSchedule() != null
                        && !options.getCronSchedule().isBlank()) {
            return null;
        }
        return localWorkers.tryReserve(options.getTaskQueue(), workflowType);
    }

    private StartWorkflowRequest startRequest(Object[] args, boolean eager) {
        return new StartWorkflowRequest(
                workflowType,
                options.getTaskQueue(),
                converter.toPayloads(args),
                options.getRequestId() != null
                        ? options.getRequestId()
                        : UUID.randomUUID().toString(),
                options.getWorkflowExecutionTimeout(),
                options.getWorkflowRunTimeout(),
                options.getWorkflowTaskTimeout(),
                options.getRetryOptions() == null
                        ? null
                        : options.getRetryOptions().toRetryPolicy(),
                options.getWorkflowIdReusePolicy(),
                options.getWorkflowIdConflictPolicy(),
                options.getCronSchedule(),
                options.getMemo() == null ? null : converter.toPayload(options.getMemo()),
                options.getStartDelay(),
                identity,
                null,
                eager ? Boolean.TRUE : null);
    }

    @Override
    public synchronized WorkflowExecution signalWithStart(String signalName, Object[] signalArgs, Object[] startArgs) {
        if (options == null) {
            throw new IllegalStateException("this stub is bound to an existing workflow and cannot start one");
        }
        execution = calls.signalWithStart(new WorkflowClientCallsInterceptor.WorkflowSignalWithStartInput(
                        startInput(startArgs), signalName, signalArgs == null ? new Object[0] : signalArgs))
                .execution();
        return execution;
    }

    /** The signal-with-start itself, under the interceptors. */
    WorkflowExecution doSignalWithStart(WorkflowClientCallsInterceptor.WorkflowSignalWithStartInput input) {
        String signalName = input.signalName();
        SignalWithStartRequest request = SignalWithStartRequest.of(
                startRequest(input.start().arguments(), false)
                        .withHeader(HeaderCodec.toJson(input.start().header())),
                converter.toPayloads(input.signalArguments()));
        String path = http.path(ApiPaths.WORKFLOW_SIGNAL_WITH_START, execution.workflowId(), signalName);
        StartWorkflowResponse response = retryer.call(
                        "SignalWithStartWorkflowExecution",
                        attempt -> http.post(path, request, PerduraHttp.REQUEST_TIMEOUT))
                .read(StartWorkflowResponse.class);
        return new WorkflowExecution(response.workflowId(), response.runId());
    }

    /**
     * The run id signals, queries, cancels and describes address: the one this stub was bound to by
     * its creator, or none (the workflow id's latest run) for a stub that started the workflow, as
     * in Temporal, so they reach the run a continue-as-new or retry made.
     */
    private String addressedRunId() {
        return options == null ? execution.runId() : null;
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
    @SuppressWarnings("unchecked")
    public <R> R getResult(Duration timeout, Class<R> resultClass, Type resultType) {
        return (R) calls.getResult(
                        new WorkflowClientCallsInterceptor.GetResultInput(execution, timeout, resultClass, resultType))
                .result();
    }

    /** The wait for the result itself, under the interceptors. */
    <R> R doGetResult(Duration timeout, Class<R> resultClass, Type resultType) {
        long start = System.nanoTime();
        while (true) {
            Duration remaining = timeout == null ? null : timeout.minusNanos(System.nanoTime() - start);
            if (remaining != null && (remaining.isNegative() || remaining.isZero())) {
                throw new WorkflowServiceException(
                        ErrorType.TIMEOUT, "workflow " + execution + " still running after " + timeout);
            }
            WorkflowResult result = retryer.callUntil(
                            "GetWorkflowResult", remaining, attempt -> awaitResult(start, timeout))
                    .read(WorkflowResult.class);
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

    /** One long poll for the result, waiting at most what is left of {@code timeout} (null: no limit). */
    private PerduraHttp.Response awaitResult(long start, Duration timeout) {
        Duration wait = RESULT_WAIT;
        if (timeout != null) {
            Duration remaining = timeout.minusNanos(System.nanoTime() - start);
            wait = remaining.compareTo(RESULT_WAIT) < 0 ? remaining : RESULT_WAIT;
        }
        if (wait.toMillis() < 1) {
            wait = Duration.ofMillis(1);
        }
        String path = PerduraHttp.param(
                http.path(ApiPaths.WORKFLOW_RESULT, execution.workflowId()), "runId", execution.runId());
        path = PerduraHttp.param(path, "wait", Durations.format(Duration.ofMillis(wait.toMillis())));
        return http.get(path, wait.plus(PerduraHttp.REQUEST_TIMEOUT));
    }

    private <R> R resultOf(WorkflowResult result, Class<R> resultClass, Type resultType) {
        String runId = result.runId() != null ? result.runId() : execution.runId();
        switch (result.status()) {
            case COMPLETED, CONTINUED_AS_NEW -> {
                return converter.fromPayload(result.result(), resultClass, resultType);
            }
            default -> {
                RuntimeException cause = result.failure() != null
                        ? FailureConverter.toException(result.failure())
                        : switch (result.status()) {
                            case TERMINATED -> new TerminatedFailure("terminated", null);
                            case CANCELED -> new CanceledFailure("workflow canceled", null);
                            case TIMED_OUT -> new TimeoutFailure("workflow timed out", null, null);
                            default -> null;
                        };
                throw new WorkflowFailedException(execution.workflowId(), runId, workflowType, result.status(), cause);
            }
        }
    }

    @Override
    public void signal(String signalName, Object... args) {
        calls.signal(new WorkflowClientCallsInterceptor.WorkflowSignalInput(
                new WorkflowExecution(execution.workflowId(), addressedRunId()),
                signalName,
                args == null ? new Object[0] : args,
                Header.empty()));
    }

    /** The signal itself, under the interceptors. */
    void doSignal(String signalName, Object[] args, Header header) {
        String path = PerduraHttp.param(
                http.path(ApiPaths.WORKFLOW_SIGNAL, execution.workflowId(), signalName), "runId", addressedRunId());
        SignalRequest request = new SignalRequest(
                converter.toPayloads(args), UUID.randomUUID().toString(), identity, HeaderCodec.toJson(header));
        retryer.call("SignalWorkflowExecution", attempt -> http.post(path, request, PerduraHttp.REQUEST_TIMEOUT));
    }

    @Override
    public <R> R query(String queryType, Class<R> resultClass, Object... args) {
        return query(queryType, resultClass, resultClass, args);
    }

    /** A query whose result has a generic type. */
    @SuppressWarnings("unchecked")
    public <R> R query(String queryType, Class<R> resultClass, Type resultType, Object[] args) {
        return (R) calls.query(new WorkflowClientCallsInterceptor.QueryInput(
                        new WorkflowExecution(execution.workflowId(), addressedRunId()),
                        queryType,
                        args == null ? new Object[0] : args,
                        resultClass,
                        resultType))
                .result();
    }

    /** The query itself, under the interceptors. */
    <R> R doQuery(String queryType, Class<R> resultClass, Type resultType, Object[] args) {
        String path = PerduraHttp.param(
                http.path(ApiPaths.WORKFLOW_QUERY, execution.workflowId(), queryType), "runId", addressedRunId());
        QueryRequest request = new QueryRequest(converter.toPayloads(args));
        QueryResponse response = retryer.callIfNotSent(
                        "QueryWorkflow", attempt -> http.post(path, request, PerduraHttp.LONG_POLL_TIMEOUT))
                .read(QueryResponse.class);
        return converter.fromPayload(response == null ? null : response.result(), resultClass, resultType);
    }

    @Override
    public <R> R update(String updateName, Class<R> resultClass, Object... args) {
        return update(updateName, resultClass, resultClass, args);
    }

    /** An update whose result has a generic type. */
    public <R> R update(String updateName, Class<R> resultClass, Type resultType, Object[] args) {
        UpdateOptions<R> options = UpdateOptions.newBuilder(resultClass)
                .setUpdateName(updateName)
                .setResultType(resultType)
                .build();
        return startUpdate(options, args).getResult();
    }

    @Override
    public <R> WorkflowUpdateHandle<R> startUpdate(
            String updateName, WorkflowUpdateStage waitForStage, Class<R> resultClass, Object... args) {
        return startUpdate(
                UpdateOptions.newBuilder(resultClass)
                        .setUpdateName(updateName)
                        .setWaitForStage(waitForStage)
                        .build(),
                args);
    }

    @Override
    public <R> WorkflowUpdateHandle<R> startUpdate(UpdateOptions<R> options, Object... args) {
        String updateId = options.getUpdateId() != null
                ? options.getUpdateId()
                : UUID.randomUUID().toString();
        var call = new WorkflowUpdateCall<>(
                http,
                retryer,
                new WorkflowExecution(execution.workflowId(), addressedRunId()),
                options,
                updateId,
                converter.toPayloads(args),
                converter,
                identity);
        return call.start();
    }

    @Override
    public void cancel() {
        cancel(null);
    }

    @Override
    public void cancel(String reason) {
        String path = PerduraHttp.param(
                http.path(ApiPaths.WORKFLOW_CANCEL, execution.workflowId()), "runId", addressedRunId());
        CancelRequest request = new CancelRequest(reason, UUID.randomUUID().toString(), identity);
        retryer.call(
                "RequestCancelWorkflowExecution", attempt -> http.post(path, request, PerduraHttp.REQUEST_TIMEOUT));
    }

    @Override
    public void terminate(String reason) {
        String path = PerduraHttp.param(
                http.path(ApiPaths.WORKFLOW_TERMINATE, execution.workflowId()), "runId", addressedRunId());
        TerminateRequest request = new TerminateRequest(reason, identity);
        retryer.callIfNotSent(
                "TerminateWorkflowExecution", attempt -> http.post(path, request, PerduraHttp.REQUEST_TIMEOUT));
    }

    @Override
    public WorkflowExecutionDescription describe() {
        String path =
                PerduraHttp.param(http.path(ApiPaths.WORKFLOW, execution.workflowId()), "runId", addressedRunId());
        return retryer.call("DescribeWorkflowExecution", attempt -> http.get(path, PerduraHttp.REQUEST_TIMEOUT))
                .read(WorkflowExecutionDescription.class);
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
