package io.perdura.sdk.internal.worker;

import io.perdura.sdk.worker.PollerStatus;
import java.time.Duration;
import java.time.Instant;

/** The outcomes of a {@link TaskPoller}'s polls: when one last succeeded, and the failures since. */
final class PollHealth {

    private Instant lastSuccess;
    private int consecutiveFailures;
    private Instant failingSince;
    private String lastError;
    private Instant pollingSince;

    /** A poll was sent; the oldest one still waiting for its answer is remembered. */
    synchronized void polling() {
        if (pollingSince == null) {
            pollingSince = Instant.now();
        }
    }

    synchronized void succeeded() {
        lastSuccess = Instant.now();
        pollingSince = null;
        consecutiveFailures = 0;
        failingSince = null;
    }

    synchronized void failed(String error) {
        pollingSince = null;
        if (consecutiveFailures++ == 0) {
            failingSince = Instant.now();
        }
        lastError = error;
    }

    /**
     * What the pollers are doing now. The server was reached once a poll got an answer, or once a poll
     * has waited longer than {@code acceptedAfter} without failing: a connection the server refuses or
     * that cannot be made fails within the connect timeout, so such a poll is held by the server (a
     * long poll on an idle task queue is answered only after the server's poll timeout).
     */
    synchronized PollerStatus status(
            PollerStatus.TaskKind kind, int pollers, int maxConcurrent, int slotsUsed, Duration acceptedAfter) {
        boolean reached = lastSuccess != null
                || (pollingSince != null && pollingSince.plus(acceptedAfter).isBefore(Instant.now()));
        return new PollerStatus(
                kind,
                pollers,
                maxConcurrent,
                slotsUsed,
                lastSuccess,
                consecutiveFailures,
                failingSince,
                lastError,
                reached);
    }
}
