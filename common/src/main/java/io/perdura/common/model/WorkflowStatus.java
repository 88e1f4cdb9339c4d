package io.perdura.common.model;

/** The status of a workflow run, as describe and list report it. */
public enum WorkflowStatus {
    RUNNING,
    COMPLETED,
    FAILED,
    CANCELED,
    TERMINATED,
    TIMED_OUT,
    CONTINUED_AS_NEW;

    public boolean isOpen() {
        return this == RUNNING;
    }
}
