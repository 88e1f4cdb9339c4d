package io.perdura.sdk.common.interceptors;

/** A {@link WorkflowOutboundCallsInterceptor} that passes every call on to the next one. */
public class WorkflowOutboundCallsInterceptorBase implements WorkflowOutboundCallsInterceptor {

    protected final WorkflowOutboundCallsInterceptor next;

    public WorkflowOutboundCallsInterceptorBase(WorkflowOutboundCallsInterceptor next) {
        this.next = next;
    }

    @Override
    public ActivityOutput executeActivity(ActivityInput input) {
        return next.executeActivity(input);
    }

    @Override
    public LocalActivityOutput executeLocalActivity(LocalActivityInput input) {
        return next.executeLocalActivity(input);
    }

    @Override
    public ChildWorkflowOutput executeChildWorkflow(ChildWorkflowInput input) {
        return next.executeChildWorkflow(input);
    }

    @Override
    public void continueAsNew(ContinueAsNewInput input) {
        next.continueAsNew(input);
    }
}
