package io.perdura.common.model;

/** Why a run was followed by a new run of the same workflow id. */
public enum ContinueAsNewInitiator {
    /** The workflow code continued as new. */
    WORKFLOW,
    /** The run failed or timed out and its retry policy started another attempt. */
    RETRY,
    /** The run closed and its cron schedule started the next one. */
    CRON_SCHEDULE
}
