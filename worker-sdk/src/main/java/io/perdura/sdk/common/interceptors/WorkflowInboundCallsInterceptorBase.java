package io.perdura.sdk.common.interceptors;

/** A {@link WorkflowInboundCallsInterceptor} that passes every call on to the next one. */
public class WorkflowInboundCallsInterceptorBase implements WorkflowInboundCallsInterceptor {

    protected final WorkflowInboundCallsInterceptor next;

    public WorkflowInboundCallsInterceptorBase(WorkflowInboundCallsInterceptor next) {
        this.next = next;
    }

    @Override
    public void init(WorkflowOutboundCallsInterceptor outbound) {
        next.init(outbound);
    }

    @Override
    public WorkflowOutput execute(WorkflowInput input) {
        return next.execute(input);
    }

    @Override
    public void handleSignal(SignalInput input) {
        next.handleSignal(input);
    }

    @Override
    public QueryOutput handleQuery(QueryInput input) {
        return next.handleQuery(input);
    }
}
