package io.perdura.matching.taskqueue;

import io.perdura.matching.persistence.ScheduledTask;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * A new task that found no poller, waiting in memory for one during the sync-match wait before it
 * is stored. Unacknowledged meanwhile, so a crash loses nothing: history sends it again.
 */
final class HeldTask {

    private final ScheduledTask task;
    private final CompletableFuture<Void> acknowledged;
    private volatile ScheduledFuture<?> timeout;
    private volatile boolean taken;

    HeldTask(ScheduledTask task, CompletableFuture<Void> acknowledged) {
        this.task = task;
        this.acknowledged = acknowledged;
    }

    ScheduledTask task() {
        return task;
    }

    CompletableFuture<Void> acknowledged() {
        return acknowledged;
    }

    void timeout(ScheduledFuture<?> timeout) {
        this.timeout = timeout;
        if (taken) {
            timeout.cancel(false);
        }
    }

    /** Marks the task as handed to a poller (or given up) and stops its timer. */
    void take() {
        taken = true;
        ScheduledFuture<?> current = timeout;
        if (current != null) {
            current.cancel(false);
        }
    }
}
