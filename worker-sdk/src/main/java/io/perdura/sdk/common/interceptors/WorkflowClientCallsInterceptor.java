package io.perdura.sdk.common.interceptors;

import io.perdura.sdk.client.WorkflowExecution;
import io.perdura.sdk.client.WorkflowOptions;
import java.lang.reflect.Type;

/**
 * A workflow stub's calls to the server (Temporal's {@code WorkflowClientCallsInterceptor}): start,
 * signal-with-start, signal, query and the wait for the result. Put into the start's {@link Header}
 * what the workflow's interceptors should see. Extend {@link WorkflowClientCallsInterceptorBase} to
 * override only what you need.
 */
public interface WorkflowClientCallsInterceptor {

    /** A start: the workflow id, type, options, arguments and header. */
    record WorkflowStartInput(
            String workflowId, String workflowType, WorkflowOptions options, Object[] arguments, Header header) {}

    /** A signal-with-start: the start and the signal. */
    record WorkflowSignalWithStartInput(WorkflowStartInput start, String signalName, Object[] signalArguments) {}

    /** The run started (or signaled). */
    record WorkflowStartOutput(WorkflowExecution execution) {}

    /** A signal to {@code execution} (run id null: the workflow id's latest run), with its header. */
    record WorkflowSignalInput(WorkflowExecution execution, String signalName, Object[] arguments, Header header) {}

    /** A query of {@code execution}. */
    record QueryInput(
            WorkflowExecution execution, String queryType, Object[] arguments, Class<?> resultClass, Type resultType) {}

    /** The query's answer. */
    record QueryOutput(Object result) {}

    /** A wait for the outcome of {@code execution} ({@code timeout} null: no limit). */
    record GetResultInput(
            WorkflowExecution execution, java.time.Duration timeout, Class<?> resultClass, Type resultType) {}

    /** The outcome; a failed run throws instead. */
    record GetResultOutput(Object result) {}

    WorkflowStartOutput start(WorkflowStartInput input);

    WorkflowStartOutput signalWithStart(WorkflowSignalWithStartInput input);

    void signal(WorkflowSignalInput input);

    QueryOutput query(QueryInput input);

    GetResultOutput getResult(GetResultInput input);
}
