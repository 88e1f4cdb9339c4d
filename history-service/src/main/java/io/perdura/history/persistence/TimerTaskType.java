package io.perdura.history.persistence;

/** What a durable timer does when it fires. */
public enum TimerTaskType {
    USER_TIMER,
    ACTIVITY_TIMEOUT,
    ACTIVITY_RETRY,
    WORKFLOW_TASK_TIMEOUT,
    WORKFLOW_TASK_BACKOFF,
    WORKFLOW_TIMEOUT,
    /** The delay before a run's first workflow task (start delay, retry backoff, cron) ended. */
    WORKFLOW_BACKOFF,
    /** A workflow task waited on a worker's sticky queue for its whole schedule-to-start timeout (ADR 28). */
    WORKFLOW_TASK_STICKY_TIMEOUT
}
