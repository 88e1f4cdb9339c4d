package io.perdura.common.api;

/**
 * How far an update got: ACCEPTED (its validator passed; WorkflowExecutionUpdateAccepted is in
 * history and its handler runs), COMPLETED (its handler returned or threw;
 * WorkflowExecutionUpdateCompleted is in history) or REJECTED (its validator refused it; nothing was
 * written to history). A caller waits for ACCEPTED or COMPLETED.
 */
public enum UpdateStage {
    ACCEPTED,
    COMPLETED,
    REJECTED
}
