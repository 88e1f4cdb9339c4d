package io.perdura.matching.taskqueue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * One waiting long poll. Once a queue has taken it out of its waiting list to hand it a task, only
 * that queue completes it; its timeout completes it with null only while it is still waiting.
 */
final class Poller {

    private final String pollRequestId;
    private final String identity;
    private final long deadlineNanos;
    private final CompletableFuture<Object> result = new CompletableFuture<>();
    private volatile ScheduledFuture<?> timeout;

    Poller(String pollRequestId, String identity, long deadlineNanos) {
        this.pollRequestId = pollRequestId;
        this.identity = identity;
        this.deadlineNanos = deadlineNanos;
    }

    String pollRequestId() {
        return pollRequestId;
    }

    String identity() {
        return identity;
    }

    CompletableFuture<Object> result() {
        return result;
    }

    boolean isExpired() {
        return System.nanoTime() - deadlineNanos >= 0;
    }

    boolean isDone() {
        return result.isDone();
    }

    void timeout(ScheduledFuture<?> timeout) {
        this.timeout = timeout;
        if (result.isDone()) {
            timeout.cancel(false);
        }
    }

    /** Answers the poll with a task, or with null for "no task". */
    void complete(Object task) {
        result.complete(task);
        cancelTimeout();
    }

    void fail(Throwable error) {
        result.completeExceptionally(error);
        cancelTimeout();
    }

    private void cancelTimeout() {
        ScheduledFuture<?> current = timeout;
        if (current != null) {
            current.cancel(false);
        }
    }
}
