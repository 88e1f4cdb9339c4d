package io.perdura.sdk.worker;

import java.util.List;

/**
 * What a {@link Worker} is doing now ({@link Worker#getStatus()}): a read-only snapshot.
 *
 * @param taskQueue the task queue the worker polls
 * @param started whether the worker was started (and not shut down)
 * @param pollers its workflow task pollers (when it has workflows) and activity task pollers (when
 *     it has activities); empty before it starts
 */
public record WorkerStatus(String taskQueue, boolean started, List<PollerStatus> pollers) {

    public WorkerStatus {
        pollers = List.copyOf(pollers);
    }

    /** Whether every poller has reached the server: a poll answered, or held by the server. */
    public boolean hasReachedServer() {
        return started && pollers.stream().allMatch(PollerStatus::serverReached);
    }

    /** Whether every poller has had at least one successful poll. */
    public boolean hasPolledSuccessfully() {
        return started && pollers.stream().allMatch(p -> p.lastSuccessfulPoll() != null);
    }
}
