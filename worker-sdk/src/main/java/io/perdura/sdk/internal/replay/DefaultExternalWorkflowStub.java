package io.perdura.sdk.internal.replay;

import io.perdura.sdk.client.WorkflowExecution;
import io.perdura.sdk.workflow.ExternalWorkflowStub;
import io.perdura.sdk.workflow.Promise;

/** The untyped stub of another workflow: signals and cancel requests, each a command of the current task. */
final class DefaultExternalWorkflowStub implements ExternalWorkflowStub {

    private final WorkflowExecution execution;

    DefaultExternalWorkflowStub(WorkflowExecution execution) {
        if (execution == null
                || execution.workflowId() == null
                || execution.workflowId().isBlank()) {
            throw new IllegalArgumentException("an external workflow needs a workflow id");
        }
        this.execution = execution;
    }

    @Override
    public WorkflowExecution getExecution() {
        return execution;
    }

    @Override
    public void signal(String signalName, Object... args) {
        signalAsync(signalName, args).get();
    }

    @Override
    public Promise<Void> signalAsync(String signalName, Object... args) {
        WorkflowRunContext context = WorkflowInternal.current();
        context.requireCoroutine("signal another workflow");
        return context.externals()
                .signal(
                        DefaultCancellationScope.current(),
                        execution,
                        signalName,
                        args == null ? new Object[0] : args,
                        false);
    }

    @Override
    public void cancel() {
        cancel(null);
    }

    @Override
    public void cancel(String reason) {
        cancelAsync(reason).get();
    }

    @Override
    public Promise<Void> cancelAsync(String reason) {
        return WorkflowInternal.current().externals().requestCancel(execution, reason, false);
    }

    @Override
    public String toString() {
        return "ExternalWorkflowStub(" + execution + ")";
    }
}
