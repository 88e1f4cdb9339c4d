package io.perdura.history.persistence;

import io.perdura.common.history.HistoryEvent;
import io.perdura.common.model.ParentClosePolicy;

/**
 * The other workflow of an outbox row written when a run closed, and what the relay tells it.
 *
 * @param namespace the other workflow's namespace
 * @param workflowId the other workflow's id
 * @param runId the parent run (RECORD_CHILD_EXECUTION_COMPLETED) or the child's first run
 *     (PARENT_CLOSE_POLICY)
 * @param parentClosePolicy PARENT_CLOSE_POLICY: what to do to the child
 * @param firstRunId RECORD_CHILD_EXECUTION_COMPLETED: the first run of the closed child's chain
 * @param completionEvent RECORD_CHILD_EXECUTION_COMPLETED: the event that closed the child
 */
public record TransferTarget(
        String namespace,
        String workflowId,
        String runId,
        ParentClosePolicy parentClosePolicy,
        String firstRunId,
        HistoryEvent completionEvent) {}
