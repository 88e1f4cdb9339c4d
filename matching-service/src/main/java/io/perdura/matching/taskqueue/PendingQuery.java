package io.perdura.matching.taskqueue;

import io.perdura.common.api.QueryResponse;
import io.perdura.common.api.WorkflowTask;
import io.perdura.common.service.MatchingRequest.QueryWorkflow;
import io.perdura.matching.persistence.TaskQueueKey;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/** A query waiting to be handed to a workflow worker, then for its answer. Never persisted. */
final class PendingQuery {

    private final String queryId;
    private final TaskQueueKey queue;
    private final QueryWorkflow request;
    private final CompletableFuture<QueryResponse> result = new CompletableFuture<>();
    private volatile WorkflowTask task;
    private volatile ScheduledFuture<?> timeout;

    PendingQuery(String queryId, TaskQueueKey queue, QueryWorkflow request) {
        this.queryId = queryId;
        this.queue = queue;
        this.request = request;
    }

    String queryId() {
        return queryId;
    }

    TaskQueueKey queue() {
        return queue;
    }

    QueryWorkflow request() {
        return request;
    }

    CompletableFuture<QueryResponse> result() {
        return result;
    }

    /** The query task handed to a poller; set once the run's history is fetched. */
    WorkflowTask task() {
        return task;
    }

    void task(WorkflowTask task) {
        this.task = task;
    }

    void timeout(ScheduledFuture<?> timeout) {
        this.timeout = timeout;
    }

    boolean isDone() {
        return result.isDone();
    }

    void complete(QueryResponse response) {
        result.complete(response);
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
