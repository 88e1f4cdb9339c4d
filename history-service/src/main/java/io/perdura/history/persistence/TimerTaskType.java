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
    WORKFLOW_BACKOFF
}
