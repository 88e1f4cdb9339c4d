package io.perdura.common.api;

/**
 * The run a start created (or, for a repeated requestId, the run it created before). {@code started}
 * is false when no run was started: the running run was returned (conflict policy USE_EXISTING, or
 * signal-with-start signalled it).
 */
public record StartWorkflowResponse(String workflowId, String runId, boolean started) {

    public StartWorkflowResponse(String workflowId, String runId) {
        this(workflowId, runId, true);
    }
}
