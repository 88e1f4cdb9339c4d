package io.perdura.common.model;

/** What a start does when the workflow id has a RUNNING run. */
public enum WorkflowIdConflictPolicy {
    /** The start fails with already-started (the default). */
    FAIL,
    /** The start answers with the running run. */
    USE_EXISTING,
    /** The running run is terminated and a new one starts. */
    TERMINATE_EXISTING
}
