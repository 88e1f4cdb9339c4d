package io.perdura.common.api;

import io.perdura.common.model.Failure;
import io.perdura.common.model.WorkflowStatus;
import tools.jackson.databind.JsonNode;

/**
 * The outcome of a run: {@code result} when COMPLETED, {@code failure} (with its cause chain) when
 * FAILED, TIMED_OUT or TERMINATED; status RUNNING when the wait elapsed first.
 */
public record WorkflowResult(
        String workflowId, String runId, WorkflowStatus status, JsonNode result, Failure failure) {}
