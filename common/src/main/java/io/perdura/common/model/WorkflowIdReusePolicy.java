package io.perdura.common.model;

/** Whether a workflow id whose last run is closed may start again. */
public enum WorkflowIdReusePolicy {
    /** Any closed run allows a new one (the default). */
    ALLOW_DUPLICATE,
    /** Only a last run that did not complete successfully allows a new one. */
    ALLOW_DUPLICATE_FAILED_ONLY,
    /** No new run once the id was used. */
    REJECT_DUPLICATE,
    /** A running run is terminated and a new one starts. */
    TERMINATE_IF_RUNNING
}
