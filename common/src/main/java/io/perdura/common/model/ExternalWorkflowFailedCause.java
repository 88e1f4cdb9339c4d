package io.perdura.common.model;

/** Why a signal to, a cancel of, or a start of another workflow failed. */
public enum ExternalWorkflowFailedCause {
    /** The target workflow (or run) does not exist or is closed. */
    EXTERNAL_WORKFLOW_EXECUTION_NOT_FOUND,
    /** The target namespace does not exist. */
    NAMESPACE_NOT_FOUND,
    /** A child could not start: its workflow id has a running run (or the reuse policy refuses it). */
    WORKFLOW_ALREADY_EXISTS
}
