package io.perdura.common.api;

import io.perdura.common.history.EventAttributes.WorkflowTaskFailedCause;
import io.perdura.common.model.Failure;

/** A worker reports that it could not run the workflow task (non-determinism, a bug …). */
public record FailWorkflowTaskRequest(
        String taskToken, WorkflowTaskFailedCause cause, Failure failure, String identity) {}
