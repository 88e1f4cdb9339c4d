package io.perdura.sdk.internal.worker;

import io.perdura.sdk.worker.PollerStatus;
import java.time.Instant;

/** The outcomes of a {@link TaskPoller}'s polls: when one last succeeded, and the failures since. */
final class PollHealth {

    private Instant lastSuccess;
    private int consecutiveFailures;
    private Instant failingSince;
    private String lastError;

    synchronized void succeeded() {
        lastSuccess = Instant.now();
        consecutiveFailures = 0;
        failingSince = null;
    }

    synchronized void failed(String error) {
        if (consecutiveFailures++ == 0) {
            failingSince = Instant.now();
        }
        lastError = error;
    }

    synchronized PollerStatus status(PollerStatus.TaskKind kind, int pollers, int maxConcurrent, int slotsUsed) {
        return new PollerStatus(
                kind, pollers, maxConcurrent, slotsUsed, lastSuccess, consecutiveFailures, failingSince, lastError);
    }
}
