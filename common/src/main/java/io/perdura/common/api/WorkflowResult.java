package io.perdura.common.api;

import io.perdura.common.model.Failure;
import io.perdura.common.model.WorkflowStatus;
import tools.jackson.databind.JsonNode;

/**
 * The outcome of a run: {@code result} when COMPLETED, {@code failure} (with its cause chain) when
 * FAILED, TIMED_OUT, CANCELED or TERMINATED; status RUNNING when the wait elapsed first. {@code
 * newExecutionRunId} names the run that followed this one (continue-as-new, a retry, the next cron
 * run); the result endpoint follows it unless asked not to.
 */
public record WorkflowResult(
        String workflowId,
        String runId,
        WorkflowStatus status,
        JsonNode result,
        Failure failure,
        String newExecutionRunId) {

    public WorkflowResult(String workflowId, String runId, WorkflowStatus status, JsonNode result, Failure failure) {
        this(workflowId, runId, status, result, failure, null);
    }
}
