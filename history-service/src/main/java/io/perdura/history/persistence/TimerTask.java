package io.perdura.history.persistence;

import io.perdura.common.model.WorkflowExecutionKey;

/**
 * A durable timer row: at {@code fireTime} (epoch millis) the timer queue hands it to the engine,
 * which checks it against MutableState and drops it when stale.
 *
 * @param eventId the scheduled event id (activity, workflow task) or started event id (user timer)
 * @param attempt the attempt it belongs to, where one applies
 * @param detail the timer id of a user timer, or the timeout type of an activity timeout
 */
public record TimerTask(
        int shardId,
        long taskId,
        long fireTime,
        WorkflowExecutionKey execution,
        TimerTaskType type,
        long eventId,
        int attempt,
        String detail) {}
