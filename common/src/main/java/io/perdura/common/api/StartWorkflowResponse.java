package io.perdura.common.api;

/**
 * The run a start created (or, for a repeated requestId, the run it created before). {@code started}
 * is false when no run was started: the running run was returned (conflict policy USE_EXISTING, or
 * signal-with-start signalled it).
 *
 * @param eagerWorkflowTask the new run's first workflow task, already started for the caller, when the
 *     start asked {@code requestEagerExecution} and created the run (ADR 29); null otherwise
 */
public record StartWorkflowResponse(String workflowId, String runId, boolean started, WorkflowTask eagerWorkflowTask) {

    public StartWorkflowResponse(String workflowId, String runId, boolean started) {
        this(workflowId, runId, started, null);
    }

    public StartWorkflowResponse(String workflowId, String runId) {
        this(workflowId, runId, true);
    }
}
