package io.perdura.sdk.internal.replay;

import io.perdura.common.command.Command;
import io.perdura.sdk.client.WorkflowExecution;
import io.perdura.sdk.internal.statemachines.CancelExternalStateMachine;
import io.perdura.sdk.internal.statemachines.OutcomeListener;
import io.perdura.sdk.internal.statemachines.SignalExternalStateMachine;
import io.perdura.sdk.workflow.Promise;

/**
 * The signals and cancel requests a run sends to other workflows (its children among them): one
 * SignalExternalWorkflowExecution or RequestCancelExternalWorkflowExecution command each, whose
 * promise completes once history records the outcome. Signals are registered with a scope, whose
 * cancellation drops a signal not sent yet.
 */
final class ExternalWorkflows {

    private final WorkflowRunContext context;

    ExternalWorkflows(WorkflowRunContext context) {
        this.context = context;
    }

    /** Signals {@code target} (a null run id: its current run) in {@code scope}. */
    Promise<Void> signal(
            DefaultCancellationScope scope,
            WorkflowExecution target,
            String signalName,
            Object[] args,
            boolean childWorkflowOnly) {
        context.requireCoroutine("signal another workflow");
        if (signalName == null || signalName.isBlank()) {
            throw new IllegalArgumentException("a signal needs a name");
        }
        DefaultCompletablePromise<Void> promise = new DefaultCompletablePromise<>();
        Cancellable[] cancellable = new Cancellable[1];
        SignalExternalStateMachine signal = new SignalExternalStateMachine(
                new Command.SignalExternalWorkflowExecution(
                        null,
                        execution(target),
                        signalName,
                        context.dataConverter().toPayloads(args),
                        childWorkflowOnly),
                outcome("signal-external", promise, () -> scope.unregister(cancellable[0])));
        context.addCommand(signal);
        cancellable[0] = reason -> context.applyCancel(signal, signal.cancel(reason));
        scope.register(cancellable[0]);
        return promise;
    }

    /** Asks {@code target} (a null run id: its current run) to cancel; not itself cancellable. */
    Promise<Void> requestCancel(WorkflowExecution target, String reason, boolean childWorkflowOnly) {
        context.requireCoroutine("cancel another workflow");
        DefaultCompletablePromise<Void> promise = new DefaultCompletablePromise<>();
        context.addCommand(new CancelExternalStateMachine(
                new Command.RequestCancelExternalWorkflowExecution(null, execution(target), childWorkflowOnly, reason),
                outcome("cancel-external", promise, () -> {})));
        return promise;
    }

    private OutcomeListener outcome(String what, DefaultCompletablePromise<Void> promise, Runnable resolved) {
        return (result, failure) -> context.deliver(what, promise, () -> {
            resolved.run();
            if (failure != null) {
                promise.completeExceptionally(failure);
            } else {
                promise.complete(null);
            }
        });
    }

    private static io.perdura.common.model.WorkflowExecution execution(WorkflowExecution target) {
        return new io.perdura.common.model.WorkflowExecution(target.workflowId(), target.runId());
    }
}
