package io.perdura.sdk.internal.replay;

import io.perdura.common.command.Command;
import io.perdura.common.history.EventAttributes.WorkflowExecutionSignaled;
import io.perdura.sdk.common.interceptors.WorkflowInboundCallsInterceptor;
import io.perdura.sdk.failure.ActivityFailure;
import io.perdura.sdk.failure.CanceledFailure;
import io.perdura.sdk.failure.ChildWorkflowFailure;
import io.perdura.sdk.failure.PerduraFailure;
import io.perdura.sdk.internal.common.FailureConverter;
import io.perdura.sdk.internal.common.HeaderCodec;
import io.perdura.sdk.internal.common.Payloads;
import io.perdura.sdk.internal.statemachines.CompletionStateMachine;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The workflow instance of one run and its coroutines: the workflow method in the main scope,
 * signal handlers in the run's scope. {@link #runUntilBlocked} runs them until every one blocks; the
 * way the workflow method ends decides the command that closes the run.
 */
final class WorkflowCode {

    private final WorkflowDefinition definition;
    private final WorkflowRunContext context;
    private final DeterministicScheduler scheduler;
    private final List<WorkflowExecutionSignaled> pendingSignals = new ArrayList<>();
    private Object instance;
    private JsonNode input;
    private JsonNode header;
    private boolean mainStarted;
    private Throwable taskFailure;

    WorkflowCode(WorkflowDefinition definition, WorkflowRunContext context, DeterministicScheduler scheduler) {
        this.definition = definition;
        this.context = context;
        this.scheduler = scheduler;
    }

    void setInput(JsonNode input) {
        this.input = input;
    }

    /** The start header, handed to the inbound interceptors with the arguments. */
    void setHeader(JsonNode header) {
        this.header = header;
    }

    /** A signal whose handler starts with the next task's code, or which waits for its handler to be registered. */
    void signal(WorkflowExecutionSignaled signal) {
        pendingSignals.add(signal);
    }

    /** The failure that fails the current workflow task (a bug, not a workflow failure), or null. */
    Throwable taskFailure() {
        return taskFailure;
    }

    /** Runs the coroutines (first the handlers of new signals and the workflow method) until all block. */
    void runUntilBlocked() {
        WorkflowRunContext previous = WorkflowInternal.bind(context);
        try {
            ensureInstance();
            for (WorkflowExecutionSignaled signal : pendingSignals) {
                context.signals().handle(signal);
            }
            pendingSignals.clear();
            if (!mainStarted) {
                mainStarted = true;
                context.spawn("main", context.mainScope(), this::runMain);
            }
            scheduler.runUntilBlocked(context.commands()::shouldStop);
        } catch (DeterministicScheduler.CoroutineFailedException e) {
            Throwable cause = e.getCause();
            if (cause instanceof PerduraFailure) {
                Command fail = new Command.FailWorkflowExecution(FailureConverter.toFailure(cause));
                context.close(new CompletionStateMachine(fail));
            } else {
                taskFailure = cause;
            }
        } catch (RuntimeException e) {
            taskFailure = e;
        } finally {
            WorkflowInternal.restore(previous);
        }
    }

    /** Answers a query (creating the instance if no task ran yet). */
    JsonNode query(String queryType, JsonNode args) {
        ensureInstance();
        return context.queries().query(queryType, args, definition.workflowType());
    }

    /** Creates the instance; its own signal, query and update methods are the run's first handlers. */
    private void ensureInstance() {
        if (instance == null) {
            instance = definition.factory().get();
            context.inbound(RootWorkflowCalls.chain(
                    context.interceptors(),
                    context,
                    new RootWorkflowCalls.Inbound(context, args -> invoke(definition.workflowMethod(), args))));
            definition
                    .signalMethods()
                    .forEach((name, method) -> context.signals().add(name, instance, method));
            definition
                    .queryMethods()
                    .forEach((name, method) -> context.queries().add(name, instance, method));
            definition
                    .updateMethods()
                    .forEach((name, methods) -> context.updates().dispatcher().add(name, instance, methods));
            context.signals().deliverBuffered();
        }
    }

    /**
     * The workflow method returned (CompleteWorkflowExecution) or threw: a cancellation while the
     * workflow's cancellation was requested closes it CANCELED; other failures go to {@link
     * #runUntilBlocked} (a workflow failure, or a task failure for ordinary exceptions).
     */
    private void runMain() {
        Method method = definition.workflowMethod();
        Object result;
        try {
            result = context.inbound()
                    .execute(new WorkflowInboundCallsInterceptor.WorkflowInput(
                            HeaderCodec.fromJson(header), Payloads.arguments(context.dataConverter(), input, method)))
                    .result();
        } catch (RuntimeException e) {
            if (context.isCancelRequested() && isCancellation(e)) {
                context.close(new CompletionStateMachine(new Command.CancelWorkflowExecution(null)));
                return;
            }
            throw e;
        }
        context.close(new CompletionStateMachine(
                new Command.CompleteWorkflowExecution(context.dataConverter().toPayload(result))));
    }

    /** A CanceledFailure, or the failure of an activity or child workflow that was canceled. */
    static boolean isCancellation(Throwable failure) {
        return failure instanceof CanceledFailure
                || ((failure instanceof ActivityFailure || failure instanceof ChildWorkflowFailure)
                        && failure.getCause() instanceof CanceledFailure);
    }

    private Object invoke(Method method, Object[] args) {
        try {
            method.setAccessible(true);
            return method.invoke(instance, args);
        } catch (InvocationTargetException e) {
            throw WorkflowCode.<RuntimeException>sneaky(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + method, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
