package io.perdura.sdk.common.interceptors;

import io.perdura.sdk.activity.ActivityExecutionContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test interceptor that carries a tenant: the client puts {@link #TENANT} into the start header,
 * the workflow reads it and puts it into the header of each activity, local activity and child, and
 * activities record what they were handed. Records what each side saw.
 */
public final class TenantInterceptor implements WorkerInterceptor, WorkflowClientInterceptor {

    public static final String KEY = "tenant";
    public static final String TENANT = "acme";

    /** What the workflows' execute saw in their start header, in order. */
    public final List<String> workflowSaw = new CopyOnWriteArrayList<>();
    /** What the activities saw in their header, in order. */
    public final List<String> activitySaw = new CopyOnWriteArrayList<>();
    /** The signals and queries the workflows handled. */
    public final List<String> handled = new CopyOnWriteArrayList<>();

    @Override
    public WorkflowClientCallsInterceptor workflowClientCallsInterceptor(WorkflowClientCallsInterceptor next) {
        return new WorkflowClientCallsInterceptorBase(next) {
            @Override
            public WorkflowStartOutput start(WorkflowStartInput input) {
                input.header().put(KEY, TENANT);
                return super.start(input);
            }

            @Override
            public void signal(WorkflowSignalInput input) {
                input.header().put(KEY, TENANT);
                super.signal(input);
            }

            @Override
            public WorkflowStartOutput signalWithStart(WorkflowSignalWithStartInput input) {
                input.start().header().put(KEY, TENANT);
                return super.signalWithStart(input);
            }
        };
    }

    @Override
    public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
        return new WorkflowInboundCallsInterceptorBase(next) {
            private String tenant;

            @Override
            public void init(WorkflowOutboundCallsInterceptor outbound) {
                super.init(new WorkflowOutboundCallsInterceptorBase(outbound) {
                    @Override
                    public ActivityOutput executeActivity(ActivityInput input) {
                        input.header().put(KEY, tenant);
                        return super.executeActivity(input);
                    }

                    @Override
                    public LocalActivityOutput executeLocalActivity(LocalActivityInput input) {
                        input.header().put(KEY, tenant);
                        return super.executeLocalActivity(input);
                    }

                    @Override
                    public ChildWorkflowOutput executeChildWorkflow(ChildWorkflowInput input) {
                        input.header().put(KEY, tenant);
                        return super.executeChildWorkflow(input);
                    }

                    @Override
                    public void continueAsNew(ContinueAsNewInput input) {
                        input.header().put(KEY, tenant + "-next");
                        super.continueAsNew(input);
                    }
                });
            }

            @Override
            public WorkflowOutput execute(WorkflowInput input) {
                tenant = input.header().getString(KEY);
                workflowSaw.add(String.valueOf(tenant));
                return super.execute(input);
            }

            @Override
            public void handleSignal(SignalInput input) {
                handled.add(
                        "signal:" + input.signalName() + ":" + input.header().getString(KEY));
                super.handleSignal(input);
            }

            @Override
            public QueryOutput handleQuery(QueryInput input) {
                handled.add("query:" + input.queryName());
                return super.handleQuery(input);
            }
        };
    }

    @Override
    public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
        return new ActivityInboundCallsInterceptorBase(next) {
            private ActivityExecutionContext context;

            @Override
            public void init(ActivityExecutionContext context) {
                this.context = context;
                super.init(context);
            }

            @Override
            public ActivityOutput execute(ActivityInput input) {
                activitySaw.add(context.getInfo().getActivityType() + ":"
                        + input.header().getString(KEY));
                return super.execute(input);
            }
        };
    }
}
