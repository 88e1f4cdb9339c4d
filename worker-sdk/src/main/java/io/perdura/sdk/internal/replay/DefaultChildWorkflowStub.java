package io.perdura.sdk.internal.replay;

import io.perdura.sdk.client.WorkflowExecution;
import io.perdura.sdk.common.interceptors.Header;
import io.perdura.sdk.common.interceptors.WorkflowOutboundCallsInterceptor;
import io.perdura.sdk.workflow.ChildWorkflowOptions;
import io.perdura.sdk.workflow.ChildWorkflowStub;
import io.perdura.sdk.workflow.Promise;
import java.lang.reflect.Type;

/** The untyped child workflow stub; one stub starts one child. */
final class DefaultChildWorkflowStub implements ChildWorkflowStub {

    private final String workflowType;
    private final ChildWorkflowOptions options;
    private final DefaultCompletablePromise<WorkflowExecution> execution = new DefaultCompletablePromise<>();
    private boolean started;

    DefaultChildWorkflowStub(String workflowType, ChildWorkflowOptions options) {
        if (workflowType == null || workflowType.isBlank()) {
            throw new IllegalArgumentException("a child workflow needs a workflow type");
        }
        this.workflowType = workflowType;
        this.options = options == null ? ChildWorkflowOptions.getDefaultInstance() : options;
        String own = WorkflowInternal.current().info().namespace();
        if (this.options.getNamespace() != null && !this.options.getNamespace().equals(own)) {
            throw new IllegalArgumentException("a child workflow lives in its parent's namespace (" + own + "), not in "
                    + this.options.getNamespace());
        }
    }

    @Override
    public String getWorkflowType() {
        return workflowType;
    }

    @Override
    public Promise<WorkflowExecution> getExecution() {
        return execution;
    }

    @Override
    public ChildWorkflowOptions getOptions() {
        return options;
    }

    @Override
    public <R> R execute(Class<R> resultClass, Object... args) {
        return executeAsync(resultClass, resultClass, args).get();
    }

    @Override
    public <R> R execute(Class<R> resultClass, Type resultType, Object... args) {
        return executeAsync(resultClass, resultType, args).get();
    }

    @Override
    public <R> Promise<R> executeAsync(Class<R> resultClass, Object... args) {
        return executeAsync(resultClass, resultClass, args);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> Promise<R> executeAsync(Class<R> resultClass, Type resultType, Object... args) {
        if (started) {
            throw new IllegalStateException(
                    "this stub started its child workflow already; a new child needs a new stub");
        }
        var output = WorkflowInternal.current()
                .outbound()
                .executeChildWorkflow(new WorkflowOutboundCallsInterceptor.ChildWorkflowInput(
                        workflowType,
                        options,
                        args == null ? new Object[0] : args,
                        resultClass,
                        resultType,
                        Header.empty()));
        execution.completeFrom(output.execution());
        Promise<Object> result = output.result();
        started = true;
        return (Promise<R>) result;
    }

    @Override
    public void signal(String signalName, Object... args) {
        signalAsync(signalName, args).get();
    }

    /** Once the child started: SignalExternalWorkflowExecution for this parent's child, whatever run of it is current. */
    @Override
    public Promise<Void> signalAsync(String signalName, Object... args) {
        if (!started) {
            throw new IllegalStateException("start the child workflow before signalling it");
        }
        WorkflowRunContext context = WorkflowInternal.current();
        context.requireCoroutine("signal a child workflow");
        DefaultCancellationScope scope = DefaultCancellationScope.current();
        Object[] arguments = args == null ? new Object[0] : args;
        return execution.thenCompose(child -> context.externals()
                .signal(scope, new WorkflowExecution(child.workflowId(), null), signalName, arguments, true));
    }

    @Override
    public String toString() {
        return "ChildWorkflowStub(" + workflowType + ")";
    }
}
