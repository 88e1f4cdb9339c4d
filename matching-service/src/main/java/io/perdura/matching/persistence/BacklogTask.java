package io.perdura.matching.persistence;

/** A task stored in a queue's backlog; {@code id} orders the backlog (oldest first). */
public record BacklogTask(long id, ScheduledTask task) {}
