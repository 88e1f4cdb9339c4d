package io.perdura.sdk.client;

import io.perdura.common.api.WorkflowExecutionDescription;
import io.perdura.sdk.internal.client.WorkflowInvocationHandler;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Optional;

/** An untyped handle on a workflow: start it, signal, query, update, wait for its result, terminate, describe. */
public interface WorkflowStub {

    /** The untyped stub behind a typed stub from {@link WorkflowClient#newWorkflowStub}. */
    static WorkflowStub fromTyped(Object typedStub) {
        if (typedStub != null
                && Proxy.isProxyClass(typedStub.getClass())
                && Proxy.getInvocationHandler(typedStub) instanceof WorkflowInvocationHandler handler) {
            return handler.untyped();
        }
        throw new IllegalArgumentException("not a typed workflow stub: " + typedStub);
    }

    /** Starts the workflow with these arguments; fails with {@link WorkflowExecutionAlreadyStarted} on 409. */
    WorkflowExecution start(Object... args);

    /** Waits as long as it takes for the result; {@link io.perdura.sdk.failure.WorkflowFailedException} if it failed. */
    <R> R getResult(Class<R> resultClass);

    <R> R getResult(Class<R> resultClass, Type resultType);

    /** Waits at most {@code timeout}; a {@link WorkflowServiceException} of type TIMEOUT when it elapses. */
    <R> R getResult(Duration timeout, Class<R> resultClass);

    <R> R getResult(Duration timeout, Class<R> resultClass, Type resultType);

    void signal(String signalName, Object... args);

    <R> R query(String queryType, Class<R> resultClass, Object... args);

    /**
     * Sends an update and waits for its handler's result; {@link WorkflowUpdateException} when the
     * workflow rejected the update or its handler failed (the cause says why). The call is retried
     * through transient failures with the same update id, so the update is applied once.
     */
    <R> R update(String updateName, Class<R> resultClass, Object... args);

    /**
     * Sends an update and returns once it reached {@code waitForStage} (ACCEPTED: the validator
     * passed; COMPLETED: the handler returned or threw); {@link WorkflowUpdateException} when it was
     * rejected.
     */
    <R> WorkflowUpdateHandle<R> startUpdate(
            String updateName, WorkflowUpdateStage waitForStage, Class<R> resultClass, Object... args);

    /** {@link #startUpdate(String, WorkflowUpdateStage, Class, Object...)} with an update id of the caller's. */
    <R> WorkflowUpdateHandle<R> startUpdate(UpdateOptions<R> options, Object... args);

    /**
     * Signals the workflow's running run, or starts it (with this stub's options and {@code
     * startArgs}) and signals it, atomically; the run that got the signal.
     */
    WorkflowExecution signalWithStart(String signalName, Object[] signalArgs, Object[] startArgs);

    /**
     * Asks the workflow to cancel: its code sees a CanceledFailure at its next blocking call, may clean
     * up, and closes CANCELED (or handles it and goes on). Asking again changes nothing.
     */
    void cancel();

    /** {@link #cancel()} with a reason recorded in WorkflowExecutionCancelRequested. */
    void cancel(String reason);

    void terminate(String reason);

    WorkflowExecutionDescription describe();

    /** The run this stub is bound to; runId is null until started (or for a stub made from an id). */
    WorkflowExecution getExecution();

    Optional<String> getWorkflowType();
}
