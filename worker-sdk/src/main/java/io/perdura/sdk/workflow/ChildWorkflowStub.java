package io.perdura.sdk.workflow;

import io.perdura.sdk.client.WorkflowExecution;
import io.perdura.sdk.internal.replay.WorkflowStubs;
import java.lang.reflect.Type;

/**
 * A child workflow named by its workflow type ({@link Workflow#newUntypedChildWorkflowStub}), or the
 * untyped side of a typed child stub ({@link #fromTyped}). One stub starts one child: its {@code
 * execute} calls start it (StartChildWorkflowExecution) and give its result, or fail with a {@link
 * io.perdura.sdk.failure.ChildWorkflowFailure} whose cause says why.
 */
public interface ChildWorkflowStub {

    /** The untyped stub behind a stub made by {@link Workflow#newChildWorkflowStub}. */
    static ChildWorkflowStub fromTyped(Object typedStub) {
        return WorkflowStubs.childFromTyped(typedStub);
    }

    String getWorkflowType();

    /**
     * The child's run once it started (ChildWorkflowExecutionStarted); fails as the child's call does
     * when the child could not start (its id is in use …) or was dropped before it was sent.
     */
    Promise<WorkflowExecution> getExecution();

    ChildWorkflowOptions getOptions();

    /** Starts the child with {@code args} and waits for its result. */
    <R> R execute(Class<R> resultClass, Object... args);

    /** Starts the child with {@code args} and waits for its result, converted to {@code resultType}. */
    <R> R execute(Class<R> resultClass, Type resultType, Object... args);

    /** Starts the child with {@code args} (its command is part of the current workflow task); the promise of its result. */
    <R> Promise<R> executeAsync(Class<R> resultClass, Object... args);

    /** {@link #executeAsync(Class, Object...)} with the result converted to {@code resultType}. */
    <R> Promise<R> executeAsync(Class<R> resultClass, Type resultType, Object... args);

    /**
     * Signals the child (SignalExternalWorkflowExecution to this parent's child only, whatever run of
     * it is current) once it started, and waits until the signal was delivered; fails when it could not
     * be (the child closed …).
     */
    void signal(String signalName, Object... args);

    /** {@link #signal} without waiting: the promise completes once the signal was delivered. */
    Promise<Void> signalAsync(String signalName, Object... args);
}
