package io.perdura.matching.persistence;

/**
 * A task history scheduled on a queue: a workflow task (attempt 0) or one attempt of an activity,
 * identified by the run and the event that scheduled it.
 */
public record ScheduledTask(String workflowId, String runId, long scheduledEventId, int attempt) {}
