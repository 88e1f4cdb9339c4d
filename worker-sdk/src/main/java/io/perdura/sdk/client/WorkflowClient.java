package io.perdura.sdk.client;

import io.perdura.sdk.internal.client.AsyncStart;
import io.perdura.sdk.internal.client.DefaultActivityCompletionClient;
import io.perdura.sdk.internal.client.DefaultWorkflowStub;
import io.perdura.sdk.internal.client.LocalWorkflowWorkers;
import io.perdura.sdk.internal.client.SignalWithStartBatch;
import io.perdura.sdk.internal.client.WorkflowInvocationHandler;
import io.perdura.sdk.internal.http.PerduraHttp;
import io.perdura.sdk.internal.replay.WorkflowDefinition;
import io.perdura.sdk.workflow.Functions;
import java.lang.reflect.Proxy;
import java.util.Objects;

/**
 * The entry point of client code: typed and untyped stubs that start, signal, signal-with-start,
 * query, update, cancel, terminate and wait for workflows over Perdura's REST API, and the client
 * that completes activities asynchronously. Thread-safe; create one per application.
 */
public final class WorkflowClient {

    private final WorkflowClientOptions options;
    private final PerduraHttp http;
    private final LocalWorkflowWorkers localWorkers = new LocalWorkflowWorkers();

    private WorkflowClient(WorkflowClientOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.http = new PerduraHttp(options);
    }

    public static WorkflowClient newInstance(WorkflowClientOptions options) {
        return new WorkflowClient(options);
    }

    /** A client of {@code http://localhost:7233}, namespace {@code default}. */
    public static WorkflowClient newInstance() {
        return new WorkflowClient(WorkflowClientOptions.getDefaultInstance());
    }

    public WorkflowClientOptions getOptions() {
        return options;
    }

    /**
     * SDK-internal: the workers of the {@code WorkerFactory}s built on this client, to which a start
     * hands its first workflow task when it gets it eagerly (ADR 29). Not for application code.
     */
    public LocalWorkflowWorkers localWorkers() {
        return localWorkers;
    }

    /** A typed stub whose @WorkflowMethod starts a new run and waits for its result. */
    public <T> T newWorkflowStub(Class<T> workflowInterface, WorkflowOptions workflowOptions) {
        String type = WorkflowDefinition.workflowType(workflowInterface);
        return typed(
                workflowInterface,
                new DefaultWorkflowStub(
                        http, options.getDataConverter(), options.getIdentity(), type, workflowOptions, localWorkers));
    }

    /** A typed stub of an existing workflow (its latest run): signal, query, update, or wait for the result. */
    public <T> T newWorkflowStub(Class<T> workflowInterface, String workflowId) {
        return newWorkflowStub(workflowInterface, workflowId, null);
    }

    /** A typed stub of one run of an existing workflow. */
    public <T> T newWorkflowStub(Class<T> workflowInterface, String workflowId, String runId) {
        String type = WorkflowDefinition.workflowType(workflowInterface);
        return typed(
                workflowInterface,
                new DefaultWorkflowStub(
                        http, options.getDataConverter(), options.getIdentity(), workflowId, runId, type));
    }

    public WorkflowStub newUntypedWorkflowStub(String workflowType, WorkflowOptions workflowOptions) {
        return new DefaultWorkflowStub(
                http, options.getDataConverter(), options.getIdentity(), workflowType, workflowOptions, localWorkers);
    }

    /** An untyped stub of an existing workflow (its latest run). */
    public WorkflowStub newUntypedWorkflowStub(String workflowId) {
        return new DefaultWorkflowStub(
                http, options.getDataConverter(), options.getIdentity(), workflowId, null, (String) null);
    }

    /** An untyped stub of one run of an existing workflow. */
    public WorkflowStub newUntypedWorkflowStub(String workflowId, String runId) {
        return new DefaultWorkflowStub(
                http, options.getDataConverter(), options.getIdentity(), workflowId, runId, null);
    }

    /** A request that records a start and a signal from a typed stub, for {@link #signalWithStart}. */
    public BatchRequest newSignalWithStartRequest() {
        return new SignalWithStartBatch();
    }

    /** Signals the workflow's running run, or starts it and signals it, atomically; the run signalled. */
    public WorkflowExecution signalWithStart(BatchRequest signalWithStartRequest) {
        if (!(signalWithStartRequest instanceof SignalWithStartBatch batch)) {
            throw new IllegalArgumentException("use WorkflowClient.newSignalWithStartRequest()");
        }
        return batch.execute();
    }

    /** Completes, fails, heartbeats or reports canceled activities that complete asynchronously. */
    public ActivityCompletionClient newActivityCompletionClient() {
        return new DefaultActivityCompletionClient(http, options.getDataConverter(), options.getIdentity());
    }

    @SuppressWarnings("unchecked")
    private static <T> T typed(Class<T> iface, DefaultWorkflowStub stub) {
        return (T) Proxy.newProxyInstance(
                iface.getClassLoader(), new Class<?>[] {iface}, new WorkflowInvocationHandler(iface, stub));
    }

    /** Starts the workflow method of a typed stub without waiting for its result. */
    public static <R> WorkflowExecution start(Functions.Func<R> workflow) {
        return AsyncStart.start(() -> workflow.apply());
    }

    /** Starts the workflow method of a typed stub without waiting for its result. */
    public static WorkflowExecution start(Functions.Proc workflow) {
        return AsyncStart.start(() -> workflow.apply());
    }

    /** Starts the workflow method of a typed stub without waiting for its result. */
    public static <A1, R> WorkflowExecution start(Functions.Func1<A1, R> workflow, A1 arg1) {
        return AsyncStart.start(() -> workflow.apply(arg1));
    }

    /** Starts the workflow method of a typed stub without waiting for its result. */
    public static <A1> WorkflowExecution start(Functions.Proc1<A1> workflow, A1 arg1) {
        return AsyncStart.start(() -> workflow.apply(arg1));
    }

    /** Starts the workflow method of a typed stub without waiting for its result. */
    public static <A1, A2, R> WorkflowExecution start(Functions.Func2<A1, A2, R> workflow, A1 arg1, A2 arg2) {
        return AsyncStart.start(() -> workflow.apply(arg1, arg2));
    }

    /** Starts the workflow method of a typed stub without waiting for its result. */
    public static <A1, A2> WorkflowExecution start(Functions.Proc2<A1, A2> workflow, A1 arg1, A2 arg2) {
        return AsyncStart.start(() -> workflow.apply(arg1, arg2));
    }

    /** Starts the workflow method of a typed stub without waiting for its result. */
    public static <A1, A2, A3, R> WorkflowExecution start(
            Functions.Func3<A1, A2, A3, R> workflow, A1 arg1, A2 arg2, A3 arg3) {
        return AsyncStart.start(() -> workflow.apply(arg1, arg2, arg3));
    }

    /** Starts the workflow method of a typed stub without waiting for its result. */
    public static <A1, A2, A3> WorkflowExecution start(
            Functions.Proc3<A1, A2, A3> workflow, A1 arg1, A2 arg2, A3 arg3) {
        return AsyncStart.start(() -> workflow.apply(arg1, arg2, arg3));
    }

    /** Starts the workflow method of a typed stub without waiting for its result. */
    public static <A1, A2, A3, A4, R> WorkflowExecution start(
            Functions.Func4<A1, A2, A3, A4, R> workflow, A1 arg1, A2 arg2, A3 arg3, A4 arg4) {
        return AsyncStart.start(() -> workflow.apply(arg1, arg2, arg3, arg4));
    }

    /** Starts the workflow method of a typed stub without waiting for its result. */
    public static <A1, A2, A3, A4> WorkflowExecution start(
            Functions.Proc4<A1, A2, A3, A4> workflow, A1 arg1, A2 arg2, A3 arg3, A4 arg4) {
        return AsyncStart.start(() -> workflow.apply(arg1, arg2, arg3, arg4));
    }

    /** Starts the workflow method of a typed stub without waiting for its result. */
    public static <A1, A2, A3, A4, A5, R> WorkflowExecution start(
            Functions.Func5<A1, A2, A3, A4, A5, R> workflow, A1 arg1, A2 arg2, A3 arg3, A4 arg4, A5 arg5) {
        return AsyncStart.start(() -> workflow.apply(arg1, arg2, arg3, arg4, arg5));
    }

    /** Starts the workflow method of a typed stub without waiting for its result. */
    public static <A1, A2, A3, A4, A5> WorkflowExecution start(
            Functions.Proc5<A1, A2, A3, A4, A5> workflow, A1 arg1, A2 arg2, A3 arg3, A4 arg4, A5 arg5) {
        return AsyncStart.start(() -> workflow.apply(arg1, arg2, arg3, arg4, arg5));
    }

    /** Starts the workflow method of a typed stub without waiting for its result. */
    public static <A1, A2, A3, A4, A5, A6, R> WorkflowExecution start(
            Functions.Func6<A1, A2, A3, A4, A5, A6, R> workflow, A1 arg1, A2 arg2, A3 arg3, A4 arg4, A5 arg5, A6 arg6) {
        return AsyncStart.start(() -> workflow.apply(arg1, arg2, arg3, arg4, arg5, arg6));
    }

    /** Starts the workflow method of a typed stub without waiting for its result. */
    public static <A1, A2, A3, A4, A5, A6> WorkflowExecution start(
            Functions.Proc6<A1, A2, A3, A4, A5, A6> workflow, A1 arg1, A2 arg2, A3 arg3, A4 arg4, A5 arg5, A6 arg6) {
        return AsyncStart.start(() -> workflow.apply(arg1, arg2, arg3, arg4, arg5, arg6));
    }
}
