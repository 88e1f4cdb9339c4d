package io.perdura.history.persistence;

/** What an outbox row asks matching to do. */
public enum TransferTaskType {
    WORKFLOW_TASK,
    ACTIVITY_TASK
}
