package io.perdura.history.persistence;

import io.perdura.common.model.WorkflowExecutionKey;

/** An outbox row: a task to hand to matching once the transaction that wrote it committed. */
public record TransferTask(
        int shardId,
        long taskId,
        WorkflowExecutionKey execution,
        TransferTaskType type,
        String taskQueue,
        long scheduledEventId,
        int attempt) {}
