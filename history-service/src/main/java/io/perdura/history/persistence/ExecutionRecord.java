package io.perdura.history.persistence;

import io.perdura.common.model.WorkflowExecutionKey;
import io.perdura.common.model.WorkflowStatus;

/**
 * One run as stored: the columns used for lookups and lists, and its MutableState as JSON text.
 *
 * @param dbVersion the optimistic-concurrency version of the row
 * @param state the serialised MutableState
 */
public record ExecutionRecord(
        WorkflowExecutionKey key,
        int shardId,
        WorkflowStatus status,
        String workflowType,
        String taskQueue,
        long startTime,
        Long closeTime,
        long nextEventId,
        long dbVersion,
        String state) {}
