package io.perdura.sdk.internal.statemachines;

import io.perdura.common.model.ExternalWorkflowFailedCause;
import io.perdura.common.model.WorkflowExecution;
import io.perdura.sdk.failure.ApplicationFailure;

/** The failure a signal or cancel request of another workflow ends with when history records it failed. */
final class ExternalFailures {

    private ExternalFailures() {}

    /**
     * A non-retryable ApplicationFailure typed by the cause ({@code
     * EXTERNAL_WORKFLOW_EXECUTION_NOT_FOUND}): the target does not exist, is closed, or is not this
     * workflow's child although the command was for a child only.
     */
    static ApplicationFailure failed(String command, WorkflowExecution target, ExternalWorkflowFailedCause cause) {
        String type =
                cause == null ? ExternalWorkflowFailedCause.EXTERNAL_WORKFLOW_EXECUTION_NOT_FOUND.name() : cause.name();
        return ApplicationFailure.newNonRetryableFailure(
                command + " failed with " + type + ": workflowId='" + target.workflowId() + "', runId='"
                        + target.runId() + "'",
                type);
    }

    /** A blank run id is none (the workflow's current run), as the server records it. */
    static String runIdOf(WorkflowExecution execution) {
        return execution.runId() == null || execution.runId().isBlank() ? null : execution.runId();
    }
}
