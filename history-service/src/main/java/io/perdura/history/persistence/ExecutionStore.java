package io.perdura.history.persistence;

import io.perdura.common.history.HistoryEvent;
import io.perdura.common.model.WorkflowStatus;
import java.util.List;
import java.util.Optional;

/**
 * The storage port of runs: execution rows with their MutableState, the current run of each
 * workflow id, start request ids, and event histories. Every write is one transaction fenced by the
 * shard's range id.
 */
public interface ExecutionStore {

    /**
     * Creates a run and makes it the current run of its workflow id.
     *
     * @param previousRunId the current run the caller saw (closed), or null when there was none
     * @throws ConditionFailedException when the current run changed meanwhile
     * @throws ShardOwnershipLostException when the fence no longer holds
     */
    default void createExecution(
            ShardFence fence,
            ExecutionRecord execution,
            String startRequestId,
            String previousRunId,
            ExecutionWrite write) {
        commit(List.of(new ExecutionChange.Create(fence, execution, startRequestId, previousRunId, write)));
    }

    /**
     * Replaces a run's row where its version is still {@code expectedDbVersion}, appending events and
     * writing task rows in the same transaction.
     *
     * @throws ConditionFailedException when the row changed meanwhile
     * @throws ShardOwnershipLostException when the fence no longer holds
     */
    default void updateExecution(
            ShardFence fence, ExecutionRecord execution, long expectedDbVersion, ExecutionWrite write) {
        commit(List.of(new ExecutionChange.Update(fence, execution, expectedDbVersion, write)));
    }

    /**
     * Commits several changes (of different runs) in ONE transaction: all or nothing. This is how the
     * engine group-commits concurrent state changes.
     *
     * @throws ConditionFailedException when any change lost its race (nothing is written)
     * @throws ShardOwnershipLostException when any fence no longer holds (nothing is written)
     */
    void commit(List<ExecutionChange> changes);

    Optional<ExecutionRecord> getExecution(String namespace, String workflowId, String runId);

    Optional<CurrentExecution> getCurrentExecution(String namespace, String workflowId);

    /** The run a start with this request id created, if any. */
    Optional<String> findRunByStartRequest(String namespace, String workflowId, String requestId);

    /** Events with {@code eventId >= fromEventId}, in order, at most {@code limit}. */
    List<HistoryEvent> readEvents(String runId, long fromEventId, int limit);

    /** Runs of a namespace, newest first (by start time, then run id), after the cursor when given. */
    List<ExecutionRecord> listExecutions(
            String namespace, WorkflowStatus status, String workflowType, ListCursor after, int limit);

    /** Where a list page ended. */
    record ListCursor(long startTime, String runId) {}
}
