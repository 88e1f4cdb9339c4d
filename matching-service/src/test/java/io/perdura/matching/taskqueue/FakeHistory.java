package io.perdura.matching.taskqueue;

import io.perdura.common.api.ActivityTask;
import io.perdura.common.api.CompleteWorkflowTaskResponse;
import io.perdura.common.api.HeartbeatResponse;
import io.perdura.common.api.HistoryPage;
import io.perdura.common.api.StartWorkflowResponse;
import io.perdura.common.api.TaskToken;
import io.perdura.common.api.UpdateWorkflowResponse;
import io.perdura.common.api.WorkflowExecutionDescription;
import io.perdura.common.api.WorkflowExecutionPage;
import io.perdura.common.api.WorkflowResult;
import io.perdura.common.api.WorkflowTask;
import io.perdura.common.error.ErrorType;
import io.perdura.common.error.PerduraException;
import io.perdura.common.history.EventAttributes;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.model.WorkflowStatus;
import io.perdura.common.service.HistoryRequest.*;
import io.perdura.common.service.HistoryService;
import io.perdura.common.service.InitiatedCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small history for matching's tests: records tasks started once each (a repeat or a task marked
 * stale answers TASK_NOT_FOUND), serves a three-event history in pages of one, and can be made
 * unavailable.
 */
public final class FakeHistory implements HistoryService {

    public static final String CURRENT_RUN = "run-current";

    /** Every RecordXTaskStarted that succeeded, in order. */
    final List<Object> started = new CopyOnWriteArrayList<>();

    private final Set<String> startedTasks = ConcurrentHashMap.newKeySet();
    private final Set<String> staleTasks = ConcurrentHashMap.newKeySet();
    private final Set<String> brokenTasks = ConcurrentHashMap.newKeySet();
    private volatile boolean unavailable;
    private volatile CompletableFuture<Void> gate = CompletableFuture.completedFuture(null);

    void markStale(String runId, long scheduledEventId) {
        staleTasks.add(runId + "/" + scheduledEventId);
    }

    /** RecordXTaskStarted of this task fails with INTERNAL (a bug, not a stale task) until healed. */
    void markBroken(String runId, long scheduledEventId) {
        brokenTasks.add(runId + "/" + scheduledEventId);
    }

    void heal(String runId, long scheduledEventId) {
        brokenTasks.remove(runId + "/" + scheduledEventId);
    }

    /** Holds back the answers to RecordXTaskStarted until the returned gate is completed. */
    CompletableFuture<Void> holdStarts() {
        CompletableFuture<Void> held = new CompletableFuture<>();
        gate = held;
        return held;
    }

    void unavailable(boolean unavailable) {
        this.unavailable = unavailable;
    }

    List<Long> startedScheduledEventIds() {
        return started.stream()
                .map(request -> request instanceof RecordWorkflowTaskStarted r
                        ? r.scheduledEventId()
                        : ((RecordActivityTaskStarted) request).scheduledEventId())
                .toList();
    }

    @Override
    public CompletableFuture<WorkflowTask> recordWorkflowTaskStarted(RecordWorkflowTaskStarted request) {
        return startOnce(
                request,
                request.runId(),
                request.scheduledEventId(),
                () -> new WorkflowTask(
                        token(
                                TaskToken.Kind.WORKFLOW,
                                request.namespace(),
                                request.workflowId(),
                                request.runId(),
                                request.taskQueue(),
                                request.scheduledEventId(),
                                1),
                        request.workflowId(),
                        request.runId(),
                        "OrderWorkflow",
                        1,
                        events(),
                        null));
    }

    @Override
    public CompletableFuture<ActivityTask> recordActivityTaskStarted(RecordActivityTaskStarted request) {
        return startOnce(
                request,
                request.runId(),
                request.scheduledEventId(),
                () -> new ActivityTask(
                        token(
                                TaskToken.Kind.ACTIVITY,
                                request.namespace(),
                                request.workflowId(),
                                request.runId(),
                                request.taskQueue(),
                                request.scheduledEventId(),
                                request.attempt()),
                        request.namespace(),
                        request.workflowId(),
                        request.runId(),
                        "OrderWorkflow",
                        "activity-" + request.scheduledEventId(),
                        "Charge",
                        request.taskQueue(),
                        null,
                        request.attempt(),
                        Instant.EPOCH,
                        Instant.EPOCH,
                        Instant.EPOCH,
                        null,
                        Duration.ofSeconds(10),
                        null,
                        null));
    }

    @Override
    public CompletableFuture<HistoryPage> getWorkflowExecutionHistory(GetWorkflowExecutionHistory request) {
        if (!CURRENT_RUN.equals(request.runId())) {
            return CompletableFuture.failedFuture(PerduraException.notFound("run " + request.runId()));
        }
        List<HistoryEvent> events = events();
        int from = request.nextPageToken() == null ? 0 : Integer.parseInt(request.nextPageToken());
        int to = Math.min(events.size(), from + request.pageSize());
        return CompletableFuture.completedFuture(
                new HistoryPage(events.subList(from, to), to < events.size() ? String.valueOf(to) : null));
    }

    @Override
    public CompletableFuture<WorkflowExecutionDescription> describeWorkflowExecution(
            DescribeWorkflowExecution request) {
        return CompletableFuture.completedFuture(new WorkflowExecutionDescription(
                request.workflowId(),
                CURRENT_RUN,
                "OrderWorkflow",
                "orders",
                WorkflowStatus.RUNNING,
                Instant.EPOCH,
                null,
                3,
                List.of(),
                null));
    }

    static List<HistoryEvent> events() {
        return List.of(
                new HistoryEvent(
                        1,
                        Instant.EPOCH,
                        new EventAttributes.WorkflowExecutionStarted(
                                "OrderWorkflow", "orders", null, null, null, Duration.ofSeconds(10), "r", "client")),
                new HistoryEvent(
                        2,
                        Instant.EPOCH,
                        new EventAttributes.WorkflowTaskScheduled("orders", Duration.ofSeconds(10), 1)),
                new HistoryEvent(3, Instant.EPOCH, new EventAttributes.WorkflowTaskStarted(2, "worker", "poll")));
    }

    private <T> CompletableFuture<T> startOnce(
            Object request, String runId, long scheduledEventId, java.util.function.Supplier<T> task) {
        if (unavailable) {
            return CompletableFuture.failedFuture(new PerduraException(ErrorType.UNAVAILABLE, "history is down"));
        }
        String key = runId + "/" + scheduledEventId;
        if (brokenTasks.contains(key)) {
            return CompletableFuture.failedFuture(new PerduraException(ErrorType.INTERNAL, "cannot load " + key));
        }
        if (staleTasks.contains(key) || !startedTasks.add(key)) {
            return CompletableFuture.failedFuture(
                    new PerduraException(ErrorType.TASK_NOT_FOUND, "task " + key + " is not current"));
        }
        started.add(request);
        T answer = task.get();
        return gate.thenApply(ignored -> answer);
    }

    private static String token(
            TaskToken.Kind kind,
            String namespace,
            String workflowId,
            String runId,
            String taskQueue,
            long scheduledEventId,
            int attempt) {
        return new TaskToken(
                        kind,
                        namespace,
                        workflowId,
                        runId,
                        taskQueue,
                        scheduledEventId,
                        scheduledEventId + 1,
                        attempt,
                        null)
                .encode();
    }

    @Override
    public CompletableFuture<StartWorkflowResponse> startWorkflowExecution(StartWorkflowExecution request) {
        throw new UnsupportedOperationException("not used by matching");
    }

    @Override
    public CompletableFuture<Void> signalWorkflowExecution(SignalWorkflowExecution request) {
        throw new UnsupportedOperationException("not used by matching");
    }

    @Override
    public CompletableFuture<Void> terminateWorkflowExecution(TerminateWorkflowExecution request) {
        throw new UnsupportedOperationException("not used by matching");
    }

    @Override
    public CompletableFuture<WorkflowResult> getWorkflowExecutionResult(GetWorkflowExecutionResult request) {
        throw new UnsupportedOperationException("not used by matching");
    }

    @Override
    public CompletableFuture<Void> awaitEventsProcessed(AwaitEventsProcessed request) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<StartWorkflowResponse> signalWithStartWorkflowExecution(
            SignalWithStartWorkflowExecution request) {
        throw new UnsupportedOperationException("not used by matching");
    }

    @Override
    public CompletableFuture<Void> requestCancelWorkflowExecution(RequestCancelWorkflowExecution request) {
        throw new UnsupportedOperationException("not used by matching");
    }

    @Override
    public CompletableFuture<WorkflowExecutionPage> listWorkflowExecutions(ListWorkflowExecutions request) {
        throw new UnsupportedOperationException("not used by matching");
    }

    @Override
    public CompletableFuture<UpdateWorkflowResponse> updateWorkflowExecution(UpdateWorkflowExecution request) {
        throw new UnsupportedOperationException("not used by matching");
    }

    @Override
    public CompletableFuture<CompleteWorkflowTaskResponse> respondWorkflowTaskCompleted(
            RespondWorkflowTaskCompleted request) {
        throw new UnsupportedOperationException("not used by matching");
    }

    @Override
    public CompletableFuture<Void> respondWorkflowTaskFailed(RespondWorkflowTaskFailed request) {
        throw new UnsupportedOperationException("not used by matching");
    }

    @Override
    public CompletableFuture<Void> respondActivityTaskCompleted(RespondActivityTaskCompleted request) {
        throw new UnsupportedOperationException("not used by matching");
    }

    @Override
    public CompletableFuture<Void> respondActivityTaskFailed(RespondActivityTaskFailed request) {
        throw new UnsupportedOperationException("not used by matching");
    }

    @Override
    public CompletableFuture<HeartbeatResponse> recordActivityTaskHeartbeat(RecordActivityTaskHeartbeat request) {
        throw new UnsupportedOperationException("not used by matching");
    }

    @Override
    public CompletableFuture<Void> respondActivityTaskCanceled(RespondActivityTaskCanceled request) {
        throw new UnsupportedOperationException("not used by matching");
    }

    @Override
    public CompletableFuture<Void> respondActivityTaskCompletedById(RespondActivityTaskCompletedById request) {
        throw new UnsupportedOperationException("not used by matching");
    }

    @Override
    public CompletableFuture<Void> respondActivityTaskFailedById(RespondActivityTaskFailedById request) {
        throw new UnsupportedOperationException("not used by matching");
    }

    @Override
    public CompletableFuture<HeartbeatResponse> recordActivityTaskHeartbeatById(
            RecordActivityTaskHeartbeatById request) {
        throw new UnsupportedOperationException("not used by matching");
    }

    @Override
    public CompletableFuture<Void> respondActivityTaskCanceledById(RespondActivityTaskCanceledById request) {
        throw new UnsupportedOperationException("not used by matching");
    }

    @Override
    public CompletableFuture<StartWorkflowResponse> startChildWorkflowExecution(StartChildWorkflowExecution request) {
        throw new UnsupportedOperationException("not used by matching");
    }

    @Override
    public CompletableFuture<InitiatedCommand> getInitiatedCommand(GetInitiatedCommand request) {
        throw new UnsupportedOperationException("not used by matching");
    }

    @Override
    public CompletableFuture<Void> recordChildExecutionStarted(RecordChildExecutionStarted request) {
        throw new UnsupportedOperationException("not used by matching");
    }

    @Override
    public CompletableFuture<Void> recordStartChildExecutionFailed(RecordStartChildExecutionFailed request) {
        throw new UnsupportedOperationException("not used by matching");
    }

    @Override
    public CompletableFuture<Void> recordChildExecutionCompleted(RecordChildExecutionCompleted request) {
        throw new UnsupportedOperationException("not used by matching");
    }

    @Override
    public CompletableFuture<Void> recordExternalRequestOutcome(RecordExternalRequestOutcome request) {
        throw new UnsupportedOperationException("not used by matching");
    }
}
