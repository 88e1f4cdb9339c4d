package io.perdura.sdk.internal.replay;

import io.perdura.common.command.Command;
import io.perdura.sdk.client.WorkflowExecution;
import io.perdura.sdk.internal.statemachines.ChildWorkflowStateMachine;
import io.perdura.sdk.workflow.ChildWorkflowOptions;
import io.perdura.sdk.workflow.Promise;
import java.lang.reflect.Type;
import tools.jackson.databind.JsonNode;

/**
 * Starts the child workflows of a run: one StartChildWorkflowExecution command each, registered with
 * the current scope, whose cancellation drops an unsent child or asks a started one to cancel
 * (RequestCancelExternalWorkflowExecution for this parent's child only, run id left out since the
 * child may have continued as new).
 */
final class ChildWorkflows {

    private final WorkflowRunContext context;

    ChildWorkflows(WorkflowRunContext context) {
        this.context = context;
    }

    /**
     * Starts a child of {@code workflowType}; {@code execution} completes when it started (or fails
     * when it never will), the returned promise with its result converted to {@code returnType}.
     */
    Promise<Object> start(
            String workflowType,
            ChildWorkflowOptions options,
            Object[] args,
            Class<?> returnType,
            Type genericReturnType,
            DefaultCompletablePromise<WorkflowExecution> execution,
            JsonNode header) {
        context.requireCoroutine("start a child workflow");
        DefaultCancellationScope scope = DefaultCancellationScope.current();
        String workflowId = options.getWorkflowId() != null
                ? options.getWorkflowId()
                : context.randomUUID().toString();
        Command.StartChildWorkflowExecution command = new Command.StartChildWorkflowExecution(
                options.getNamespace(),
                workflowId,
                workflowType,
                options.getTaskQueue(),
                context.dataConverter().toPayloads(args),
                options.getWorkflowExecutionTimeout(),
                options.getWorkflowRunTimeout(),
                options.getWorkflowTaskTimeout(),
                options.getParentClosePolicy(),
                options.getWorkflowIdReusePolicy(),
                options.getRetryOptions() == null
                        ? null
                        : options.getRetryOptions().toRetryPolicy(),
                options.getCronSchedule(),
                options.getMemo() == null ? null : context.dataConverter().toPayload(options.getMemo()),
                header);
        DefaultCompletablePromise<Object> result = new DefaultCompletablePromise<>();
        Cancellable[] cancellable = new Cancellable[1];
        ChildWorkflowStateMachine[] child = new ChildWorkflowStateMachine[1];
        child[0] = new ChildWorkflowStateMachine(
                command,
                context.info().namespace(),
                options.getCancellationType(),
                new ChildWorkflowStateMachine.Listener() {
                    @Override
                    public void started(WorkflowExecution started, RuntimeException failure) {
                        context.deliver("child-started", execution, () -> {
                            if (failure != null) {
                                execution.completeExceptionally(failure);
                            } else {
                                execution.complete(started);
                            }
                        });
                    }

                    @Override
                    public void resolved(JsonNode value, RuntimeException failure) {
                        context.deliver("child", result, () -> {
                            scope.unregister(cancellable[0]);
                            complete(result, value, failure, returnType, genericReturnType);
                        });
                    }

                    @Override
                    public void requestCancel(String reason) {
                        ChildWorkflows.this.requestCancel(child[0], reason);
                    }
                });
        context.addCommand(child[0]);
        cancellable[0] = reason -> context.applyCancel(child[0], child[0].cancel(reason));
        scope.register(cancellable[0]);
        return result;
    }

    /**
     * Asks {@code child} to cancel: at once when its scope's cancellation asks for it on a workflow
     * coroutine, else (the child's start just arrived from history) in a callback before the next
     * code runs, so that the command belongs to the task that answers that history.
     */
    private void requestCancel(ChildWorkflowStateMachine child, String reason) {
        Runnable send = () -> context.externals()
                .requestCancel(new WorkflowExecution(child.workflowId(), null), reason, true)
                .handle((ignored, failure) -> {
                    child.cancelRequestDelivered();
                    return null;
                });
        if (DeterministicScheduler.current() != null) {
            send.run();
        } else {
            context.deliver("cancel-child", send);
        }
    }

    private void complete(
            DefaultCompletablePromise<Object> promise,
            JsonNode value,
            RuntimeException failure,
            Class<?> returnType,
            Type genericReturnType) {
        if (failure != null) {
            promise.completeExceptionally(failure);
            return;
        }
        Object converted;
        try {
            converted = context.dataConverter().fromPayload(value, returnType, genericReturnType);
        } catch (RuntimeException e) {
            promise.completeExceptionally(e);
            return;
        }
        promise.complete(converted);
    }
}
