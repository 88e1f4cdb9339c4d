package io.perdura.history.engine;

import io.perdura.common.api.UpdateStage;
import io.perdura.common.api.UpdateWorkflowResponse;
import io.perdura.common.error.ErrorType;
import io.perdura.common.error.PerduraException;
import io.perdura.common.json.Durations;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Update calls waiting for their update to reach a stage, by run and update id: those waiting for
 * ACCEPTED are answered when it is accepted, completed or rejected; those waiting for COMPLETED when
 * it is completed or rejected. A wait that runs out fails TIMEOUT; a released shard fails its waits
 * UNAVAILABLE (the caller asks again with the same update id).
 */
final class UpdateWaiters {

    /** The timeout answer inside history: never leaves {@link #await}. */
    private static final UpdateWorkflowResponse NOT_REACHED = new UpdateWorkflowResponse(null, null, null, null);

    private final RunWaiters<UpdateWorkflowResponse> accepted = new RunWaiters<>();
    private final RunWaiters<UpdateWorkflowResponse> completed = new RunWaiters<>();

    /**
     * Registers a wait; must be called holding the run's lock, before the change that may answer it
     * commits. Completing the returned future (exceptionally) withdraws it; {@link #answer} turns it
     * into the caller's answer.
     */
    CompletableFuture<UpdateWorkflowResponse> await(
            int shardId, String runId, String updateId, UpdateStage stage, Duration timeout) {
        RunWaiters<UpdateWorkflowResponse> waiters = stage == UpdateStage.ACCEPTED ? accepted : completed;
        return waiters.await(shardId, key(runId, updateId), timeout, NOT_REACHED);
    }

    /** The answer of a wait from {@link #await}: the stage reached, or TIMEOUT when the wait ran out first. */
    static CompletableFuture<UpdateWorkflowResponse> answer(
            CompletableFuture<UpdateWorkflowResponse> wait, String updateId, UpdateStage stage, Duration timeout) {
        return wait.thenCompose(response -> response == NOT_REACHED
                ? CompletableFuture.failedFuture(new PerduraException(
                        ErrorType.TIMEOUT,
                        "update " + updateId + " did not reach " + stage + " within " + Durations.format(timeout)
                                + "; ask again with the same updateId"))
                : CompletableFuture.completedFuture(response));
    }

    /** Tells the waits of one update what happened to it in a change that just committed. */
    void reached(String runId, UpdateWorkflowResponse response) {
        String key = key(runId, response.updateId());
        accepted.complete(key, response);
        if (response.stage() != UpdateStage.ACCEPTED) {
            completed.complete(key, response);
        }
    }

    /** Fails every wait of one update: its run closed, or continued, before the update completed. */
    void fail(String runId, String updateId, PerduraException error) {
        String key = key(runId, updateId);
        accepted.fail(key, error);
        completed.fail(key, error);
    }

    void shardsReleased(Set<Integer> shardIds) {
        accepted.shardsReleased(shardIds);
        completed.shardsReleased(shardIds);
    }

    int size() {
        return accepted.size() + completed.size();
    }

    private static String key(String runId, String updateId) {
        return runId + "/" + updateId;
    }
}
