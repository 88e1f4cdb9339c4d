package io.perdura.sdk.internal.replay;

import io.perdura.sdk.common.interceptors.WorkerInterceptor;
import io.perdura.sdk.common.interceptors.WorkflowInboundCallsInterceptor;
import io.perdura.sdk.common.interceptors.WorkflowOutboundCallsInterceptor;
import io.perdura.sdk.internal.common.HeaderCodec;
import io.perdura.sdk.workflow.Promise;
import java.util.List;
import java.util.function.Function;

/**
 * The innermost interceptors of a run: the inbound one calls the workflow's own methods, the outbound
 * one turns calls into commands (ADR 26). {@link #chain} wraps them in the worker's interceptors.
 */
final class RootWorkflowCalls {

    private RootWorkflowCalls() {}

    /**
     * The run's inbound chain over {@code root} (the first interceptor outermost), initialised with
     * the run's outbound chain, which the context then calls.
     */
    static WorkflowInboundCallsInterceptor chain(
            List<WorkerInterceptor> interceptors, WorkflowRunContext context, Inbound root) {
        WorkflowInboundCallsInterceptor inbound = root;
        for (int i = interceptors.size() - 1; i >= 0; i--) {
            inbound = interceptors.get(i).interceptWorkflow(inbound);
        }
        inbound.init(new Outbound(context));
        return inbound;
    }

    /** Calls the workflow method and the typed signal and query handlers. */
    static final class Inbound implements WorkflowInboundCallsInterceptor {
        private final WorkflowRunContext context;
        private final Function<Object[], Object> workflowMethod;

        Inbound(WorkflowRunContext context, Function<Object[], Object> workflowMethod) {
            this.context = context;
            this.workflowMethod = workflowMethod;
        }

        @Override
        public void init(WorkflowOutboundCallsInterceptor outbound) {
            context.outbound(outbound);
        }

        @Override
        public WorkflowOutput execute(WorkflowInput input) {
            return new WorkflowOutput(workflowMethod.apply(input.arguments()));
        }

        @Override
        public void handleSignal(SignalInput input) {
            context.signals().invoke(input.signalName(), input.arguments());
        }

        @Override
        public QueryOutput handleQuery(QueryInput input) {
            return new QueryOutput(context.queries().invoke(input.queryName(), input.arguments()));
        }
    }

    /** Schedules activities, runs local activities and starts children with the header given. */
    static final class Outbound implements WorkflowOutboundCallsInterceptor {
        private final WorkflowRunContext context;

        Outbound(WorkflowRunContext context) {
            this.context = context;
        }

        @Override
        public ActivityOutput executeActivity(ActivityInput input) {
            Promise<Object> result = context.activityCalls()
                    .schedule(
                            input.activityType(),
                            input.arguments(),
                            input.options(),
                            input.resultClass(),
                            input.resultType(),
                            HeaderCodec.toJson(input.header()));
            return new ActivityOutput(result);
        }

        @Override
        public LocalActivityOutput executeLocalActivity(LocalActivityInput input) {
            Promise<Object> result = context.localActivities()
                    .execute(
                            input.activityType(),
                            input.arguments(),
                            input.options(),
                            input.resultClass(),
                            input.resultType(),
                            HeaderCodec.toJson(input.header()));
            return new LocalActivityOutput(result);
        }

        @Override
        public ChildWorkflowOutput executeChildWorkflow(ChildWorkflowInput input) {
            DefaultCompletablePromise<io.perdura.sdk.client.WorkflowExecution> execution =
                    new DefaultCompletablePromise<>();
            Promise<Object> result = context.children()
                    .start(
                            input.workflowType(),
                            input.options(),
                            input.arguments(),
                            input.resultClass(),
                            input.resultType(),
                            execution,
                            HeaderCodec.toJson(input.header()));
            return new ChildWorkflowOutput(execution, result);
        }

        @Override
        public void continueAsNew(ContinueAsNewInput input) {
            context.continueAsNew(
                    input.workflowType(), input.options(), input.arguments(), HeaderCodec.toJson(input.header()));
        }
    }
}
