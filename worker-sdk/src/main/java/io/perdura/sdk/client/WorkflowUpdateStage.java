package io.perdura.sdk.client;

/** When a {@link WorkflowStub#startUpdate} call returns: once the update is ACCEPTED, or COMPLETED. */
public enum WorkflowUpdateStage {
    /** The workflow's validator accepted the update; its handler runs. */
    ACCEPTED,
    /** The update's handler returned or threw. */
    COMPLETED
}
