package io.perdura.matching.persistence;

/** A task to add to the backlog of {@code queue}. */
public record NewBacklogTask(TaskQueueKey queue, ScheduledTask task) {}
