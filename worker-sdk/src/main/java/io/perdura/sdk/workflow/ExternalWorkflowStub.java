package io.perdura.sdk.workflow;

import io.perdura.sdk.client.WorkflowExecution;
import io.perdura.sdk.internal.replay.WorkflowStubs;

/**
 * Another workflow, by id and optionally run id (null: its current run), that workflow code signals
 * or asks to cancel ({@link Workflow#newUntypedExternalWorkflowStub}), or the untyped side of a typed
 * external stub ({@link #fromTyped}). Each call is a command of the current workflow task whose
 * outcome history records; a workflow that does not exist or is closed fails the call with an {@link
 * io.perdura.sdk.failure.ApplicationFailure} of type {@code EXTERNAL_WORKFLOW_EXECUTION_NOT_FOUND}.
 */
public interface ExternalWorkflowStub {

    /** The untyped stub behind a stub made by {@link Workflow#newExternalWorkflowStub}. */
    static ExternalWorkflowStub fromTyped(Object typedStub) {
        return WorkflowStubs.externalFromTyped(typedStub);
    }

    /** The workflow this stub talks to; a null run id means its current run. */
    WorkflowExecution getExecution();

    /** Signals the workflow (SignalExternalWorkflowExecution) and waits until the signal was delivered. */
    void signal(String signalName, Object... args);

    /** {@link #signal} without waiting: the promise completes once the signal was delivered. */
    Promise<Void> signalAsync(String signalName, Object... args);

    /** Asks the workflow to cancel (RequestCancelExternalWorkflowExecution) and waits until its run recorded the request. */
    void cancel();

    /** {@link #cancel()} with a reason, which the workflow's WorkflowExecutionCancelRequested records. */
    void cancel(String reason);

    /** {@link #cancel(String)} without waiting: the promise completes once the workflow's run recorded the request. */
    Promise<Void> cancelAsync(String reason);
}
