package io.perdura.common.api;

import io.perdura.common.history.HistoryEvent;
import java.util.List;

/**
 * A workflow task handed to a worker: run the workflow code forward from {@code history} and answer
 * with commands. When {@code query} is set, it is a query task instead: replay and answer the query
 * with {@code query-tasks/complete}; nothing is written to history.
 *
 * @param taskToken opaque token to send back with the answer
 * @param history the whole history, ending with the WorkflowTaskStarted of this task
 */
public record WorkflowTask(
        String taskToken,
        String workflowId,
        String runId,
        String workflowType,
        int attempt,
        List<HistoryEvent> history,
        WorkflowQuery query) {}
