package io.perdura.frontend;

import io.perdura.common.api.ActivityTask;
import io.perdura.common.api.QueryResponse;
import io.perdura.common.api.WorkflowTask;
import io.perdura.common.error.ErrorType;
import io.perdura.common.error.PerduraException;
import io.perdura.common.json.Json;
import io.perdura.common.service.MatchingRequest;
import io.perdura.common.service.MatchingRequest.*;
import io.perdura.common.service.MatchingService;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A small in-memory matching for web tests: tasks offered by the test go to the next poll of their
 * queue; an empty poll completes with null after its timeout. Query type {@code broken} fails.
 */
final class FakeMatching implements MatchingService {

    final List<MatchingRequest> received = new CopyOnWriteArrayList<>();
    private final Map<String, WorkflowTask> workflowTasks = new ConcurrentHashMap<>();
    private final Map<String, ActivityTask> activityTasks = new ConcurrentHashMap<>();

    void offer(String taskQueue, WorkflowTask task) {
        workflowTasks.put(taskQueue, task);
    }

    void offer(String taskQueue, ActivityTask task) {
        activityTasks.put(taskQueue, task);
    }

    <T extends MatchingRequest> List<T> received(Class<T> type) {
        return received.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Override
    public CompletableFuture<Void> addWorkflowTask(AddWorkflowTask request) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("history's call"));
    }

    @Override
    public CompletableFuture<Void> addActivityTask(AddActivityTask request) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("history's call"));
    }

    @Override
    public CompletableFuture<WorkflowTask> pollWorkflowTaskQueue(PollWorkflowTaskQueue request) {
        received.add(request);
        WorkflowTask task = workflowTasks.remove(request.taskQueue());
        return task != null
                ? CompletableFuture.completedFuture(task)
                : new CompletableFuture<WorkflowTask>()
                        .completeOnTimeout(null, request.timeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public CompletableFuture<ActivityTask> pollActivityTaskQueue(PollActivityTaskQueue request) {
        received.add(request);
        ActivityTask task = activityTasks.remove(request.taskQueue());
        return task != null
                ? CompletableFuture.completedFuture(task)
                : new CompletableFuture<ActivityTask>()
                        .completeOnTimeout(null, request.timeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public CompletableFuture<QueryResponse> queryWorkflow(QueryWorkflow request) {
        received.add(request);
        if ("broken".equals(request.query().queryType())) {
            return CompletableFuture.failedFuture(
                    new PerduraException(ErrorType.QUERY_FAILED, "query handler threw: no state"));
        }
        return CompletableFuture.completedFuture(new QueryResponse(Json.tree(Map.of(
                "queryType",
                request.query().queryType(),
                "input",
                request.query().input()))));
    }

    @Override
    public CompletableFuture<Void> respondQueryTaskCompleted(RespondQueryTaskCompleted request) {
        received.add(request);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> cancelPolls(CancelPolls request) {
        received.add(request);
        return CompletableFuture.completedFuture(null);
    }
}
