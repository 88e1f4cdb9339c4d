package io.perdura.sdk.common.interceptors;

/**
 * The calls into workflow code: the workflow method, signal handlers and query handlers. Runs in
 * workflow code, again on every replay: keep it deterministic (use {@code Workflow.isReplaying()} to
 * skip side effects such as spans or metrics during replay). Extend {@link
 * WorkflowInboundCallsInterceptorBase} to override only what you need.
 */
public interface WorkflowInboundCallsInterceptor {

    /** The workflow method's arguments and the run's start header. */
    record WorkflowInput(Header header, Object[] arguments) {}

    /** What the workflow method returned. */
    record WorkflowOutput(Object result) {}

    /** A signal's name, arguments and header (the client's; empty for a signal from another workflow). */
    record SignalInput(String signalName, Object[] arguments, Header header) {}

    /** A query's name, arguments and header (empty: queries carry no header yet). */
    record QueryInput(String queryName, Object[] arguments, Header header) {}

    /** What the query handler returned. */
    record QueryOutput(Object result) {}

    /**
     * Called first, before any other call: {@code outbound} is where the run's outbound calls go;
     * wrap it to intercept them and pass the wrapper on to the next interceptor's {@code init}.
     */
    void init(WorkflowOutboundCallsInterceptor outbound);

    /** Runs the workflow method. */
    WorkflowOutput execute(WorkflowInput input);

    /** Runs the handler of a signal ({@code @SignalMethod}; dynamic handlers are not intercepted). */
    void handleSignal(SignalInput input);

    /** Runs the handler of a query ({@code @QueryMethod}; dynamic handlers are not intercepted). */
    QueryOutput handleQuery(QueryInput input);
}
