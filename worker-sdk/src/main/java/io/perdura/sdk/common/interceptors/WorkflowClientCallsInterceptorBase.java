package io.perdura.sdk.common.interceptors;

/** A {@link WorkflowClientCallsInterceptor} that passes every call on to the next one. */
public class WorkflowClientCallsInterceptorBase implements WorkflowClientCallsInterceptor {

    protected final WorkflowClientCallsInterceptor next;

    public WorkflowClientCallsInterceptorBase(WorkflowClientCallsInterceptor next) {
        this.next = next;
    }

    @Override
    public WorkflowStartOutput start(WorkflowStartInput input) {
        return next.start(input);
    }

    @Override
    public WorkflowStartOutput signalWithStart(WorkflowSignalWithStartInput input) {
        return next.signalWithStart(input);
    }

    @Override
    public void signal(WorkflowSignalInput input) {
        next.signal(input);
    }

    @Override
    public QueryOutput query(QueryInput input) {
        return next.query(input);
    }

    @Override
    public GetResultOutput getResult(GetResultInput input) {
        return next.getResult(input);
    }
}
