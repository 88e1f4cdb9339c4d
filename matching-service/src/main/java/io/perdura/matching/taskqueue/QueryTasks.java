package io.perdura.matching.taskqueue;

import io.perdura.common.api.HistoryPage;
import io.perdura.common.api.TaskToken;
import io.perdura.common.api.WorkflowTask;
import io.perdura.common.history.EventAttributes.WorkflowExecutionStarted;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.service.HistoryRequest.AwaitEventsProcessed;
import io.perdura.common.service.HistoryRequest.DescribeWorkflowExecution;
import io.perdura.common.service.HistoryRequest.GetWorkflowExecutionHistory;
import io.perdura.common.service.HistoryService;
import io.perdura.common.service.MatchingRequest.QueryWorkflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Builds the workflow task that carries a query: once the run's workflow code has processed every
 * event recorded before the query (so it sees every signal whose call returned before it), the
 * run's whole history, fetched page by page from history, and a QUERY task token naming the
 * pending query.
 */
final class QueryTasks {

    private final HistoryService history;
    private final int pageSize;

    QueryTasks(HistoryService history, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("query history page size must be >= 1");
        }
        this.history = history;
        this.pageSize = pageSize;
    }

    /** Builds the task, waiting at most {@code catchUpWait} for the run's workflow tasks to catch up. */
    CompletableFuture<WorkflowTask> build(PendingQuery query, Duration catchUpWait) {
        QueryWorkflow request = query.request();
        CompletableFuture<String> runId = request.runId() != null
                ? CompletableFuture.completedFuture(request.runId())
                : history.describeWorkflowExecution(
                                new DescribeWorkflowExecution(request.namespace(), request.workflowId(), null))
                        .thenApply(description -> description.runId());
        return runId.thenCompose(run -> history.awaitEventsProcessed(
                                new AwaitEventsProcessed(request.namespace(), request.workflowId(), run, catchUpWait))
                        // not caught up in time (no worker, or history moving): answer from what is recorded
                        .handle((caughtUp, error) -> run))
                .thenCompose(run ->
                        fetch(request, run, null, new ArrayList<>()).thenApply(events -> task(query, run, events)));
    }

    private CompletableFuture<List<HistoryEvent>> fetch(
            QueryWorkflow request, String runId, String pageToken, List<HistoryEvent> events) {
        return history.getWorkflowExecutionHistory(new GetWorkflowExecutionHistory(
                        request.namespace(), request.workflowId(), runId, pageSize, pageToken))
                .thenCompose((HistoryPage page) -> {
                    events.addAll(page.events());
                    String next = page.nextPageToken();
                    if (next == null || next.equals(pageToken) || page.events().isEmpty()) {
                        return CompletableFuture.completedFuture(events);
                    }
                    return fetch(request, runId, next, events);
                });
    }

    private static WorkflowTask task(PendingQuery query, String runId, List<HistoryEvent> events) {
        QueryWorkflow request = query.request();
        TaskToken token = new TaskToken(
                TaskToken.Kind.QUERY,
                request.namespace(),
                request.workflowId(),
                runId,
                request.taskQueue(),
                0,
                0,
                0,
                query.queryId());
        String workflowType =
                events.isEmpty() || !(events.getFirst().attributes() instanceof WorkflowExecutionStarted started)
                        ? null
                        : started.workflowType();
        return new WorkflowTask(
                token.encode(), request.workflowId(), runId, workflowType, 1, List.copyOf(events), request.query());
    }
}
