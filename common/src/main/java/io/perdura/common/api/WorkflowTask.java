package io.perdura.common.api;

import io.perdura.common.history.HistoryEvent;
import io.perdura.common.model.UpdateRequest;
import java.util.List;

/**
 * A workflow task handed to a worker: run the workflow code forward from {@code history} and answer
 * with commands. When {@code query} is set, it is a query task instead: replay and answer the query
 * with {@code query-tasks/complete}; nothing is written to history.
 *
 * @param taskToken opaque token to send back with the answer
 * @param history the whole history, ending with the WorkflowTaskStarted of this task
 * @param updates the updates delivered with this task, in the order they arrived (null when none):
 *     the workflow runs them after the last event of {@code history}, and the answer to the task
 *     carries, for each, RejectWorkflowUpdate or AcceptWorkflowUpdate (then, in this task or a later
 *     one, CompleteWorkflowUpdate); one left unanswered is delivered again with the next task
 */
public record WorkflowTask(
        String taskToken,
        String workflowId,
        String runId,
        String workflowType,
        int attempt,
        List<HistoryEvent> history,
        WorkflowQuery query,
        List<UpdateRequest> updates) {

    /** A task without updates. */
    public WorkflowTask(
            String taskToken,
            String workflowId,
            String runId,
            String workflowType,
            int attempt,
            List<HistoryEvent> history,
            WorkflowQuery query) {
        this(taskToken, workflowId, runId, workflowType, attempt, history, query, null);
    }
}
