package io.perdura.sdk.worker;

import java.time.Instant;

/**
 * What one kind of poller of a {@link Worker} (its workflow task or its activity task pollers) is
 * doing now: a read-only snapshot for health checks and dashboards.
 *
 * @param kind which tasks these pollers take
 * @param pollers number of concurrent long polls
 * @param maxConcurrentTasks execution slots: tasks run at once, at most
 * @param slotsUsed slots taken now, by running tasks and by polls waiting for a task
 * @param lastSuccessfulPoll when a poll last got an answer (a task or none), or null before the first
 * @param consecutiveFailures polls failed in a row since the last successful one
 * @param failingSince when the current run of failed polls began, or null while polls succeed
 * @param lastError the last poll failure (kind and message), or null if none failed yet
 * @param serverReached whether a poll got an answer, or has been held by the server longer than a
 *     connection attempt could take (an idle task queue answers a long poll only after the server's
 *     poll timeout)
 */
public record PollerStatus(
        TaskKind kind,
        int pollers,
        int maxConcurrentTasks,
        int slotsUsed,
        Instant lastSuccessfulPoll,
        int consecutiveFailures,
        Instant failingSince,
        String lastError,
        boolean serverReached) {

    /** The tasks a poller takes. */
    public enum TaskKind {
        WORKFLOW,
        ACTIVITY
    }

    /** Slots free for new tasks. */
    public int slotsAvailable() {
        return maxConcurrentTasks - slotsUsed;
    }
}
