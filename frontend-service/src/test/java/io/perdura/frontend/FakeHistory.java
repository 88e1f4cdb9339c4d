package io.perdura.frontend;

import io.perdura.common.api.ActivityTask;
import io.perdura.common.api.CompleteWorkflowTaskResponse;
import io.perdura.common.api.HeartbeatResponse;
import io.perdura.common.api.HistoryPage;
import io.perdura.common.api.StartWorkflowResponse;
import io.perdura.common.api.UpdateStage;
import io.perdura.common.api.UpdateWorkflowResponse;
import io.perdura.common.api.WorkflowExecutionDescription;
import io.perdura.common.api.WorkflowExecutionPage;
import io.perdura.common.api.WorkflowExecutionSummary;
import io.perdura.common.api.WorkflowResult;
import io.perdura.common.api.WorkflowTask;
import io.perdura.common.error.ErrorType;
import io.perdura.common.error.PerduraException;
import io.perdura.common.history.EventAttributes;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.model.Failure;
import io.perdura.common.model.WorkflowStatus;
import io.perdura.common.service.HistoryRequest;
import io.perdura.common.service.HistoryRequest.*;
import io.perdura.common.service.HistoryService;
import io.perdura.common.service.InitiatedCommand;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * A small in-memory history for web tests: one run per workflow id, closed by the test. Workflow
 * id {@code explode} fails with an unexpected exception, {@code silent} never answers. Updates
 * answer by their name: {@code reject} is rejected, {@code fail} completes with a failure, {@code
 * slow} runs out of time, {@code moved} is unavailable; any other completes with its first argument.
 */
final class FakeHistory implements HistoryService {

    final List<HistoryRequest> received = new CopyOnWriteArrayList<>();
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final Map<String, Run> runsById = new ConcurrentHashMap<>();

    /** One run of the fake. */
    /** Workflow ids with this prefix have a history of two pages (the second's token {@value #PAGE_2}). */
    static final String PAGED_PREFIX = "paged-";

    static final String PAGE_2 = "page-2";

    static final class Run {
        final StartWorkflowExecution start;
        final String runId = UUID.randomUUID().toString();
        final Instant startTime = Instant.parse("2026-01-02T03:04:05Z");
        final CompletableFuture<WorkflowResult> outcome = new CompletableFuture<>();

        Run(StartWorkflowExecution start) {
            this.start = start;
        }

        WorkflowStatus status() {
            return outcome.isDone() ? outcome.join().status() : WorkflowStatus.RUNNING;
        }
    }

    /** Closes the current run CONTINUED_AS_NEW and makes a new run of the same start current. */
    String continueAsNew(String namespace, String workflowId) {
        Run run = runs.get(namespace + "/" + workflowId);
        Run next = new Run(run.start);
        runs.put(namespace + "/" + workflowId, next);
        runsById.put(next.runId, next);
        run.outcome.complete(
                new WorkflowResult(workflowId, run.runId, WorkflowStatus.CONTINUED_AS_NEW, null, null, next.runId));
        return next.runId;
    }

    void complete(String namespace, String workflowId, JsonNode result) {
        Run run = runs.get(namespace + "/" + workflowId);
        run.outcome.complete(new WorkflowResult(workflowId, run.runId, WorkflowStatus.COMPLETED, result, null));
    }

    <T extends HistoryRequest> List<T> received(Class<T> type) {
        return received.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private <T> CompletableFuture<T> misbehave(String workflowId) {
        if ("explode".equals(workflowId)) {
            throw new IllegalStateException("secret internal detail");
        }
        return new CompletableFuture<>(); // "silent": never answers
    }

    private static boolean misbehaving(String workflowId) {
        return "explode".equals(workflowId) || "silent".equals(workflowId);
    }

    private Run run(String namespace, String workflowId, String runId) {
        Run run = runId != null && runsById.containsKey(runId)
                ? runsById.get(runId)
                : runs.get(namespace + "/" + workflowId);
        if (run == null || (runId != null && !runId.equals(run.runId))) {
            throw PerduraException.notFound("workflow " + workflowId + " not found");
        }
        return run;
    }

    @Override
    public CompletableFuture<StartWorkflowResponse> startWorkflowExecution(StartWorkflowExecution request) {
        received.add(request);
        if (misbehaving(request.workflowId())) {
            return misbehave(request.workflowId());
        }
        Run existing = runs.get(request.namespace() + "/" + request.workflowId());
        if (existing != null) {
            if (existing.start.request().requestId().equals(request.request().requestId())) {
                return CompletableFuture.completedFuture(
                        new StartWorkflowResponse(request.workflowId(), existing.runId));
            }
            if (existing.status() == WorkflowStatus.RUNNING) {
                return CompletableFuture.failedFuture(new PerduraException(
                        ErrorType.ALREADY_STARTED, "workflow " + request.workflowId() + " is already running"));
            }
        }
        Run run = new Run(request);
        runs.put(request.namespace() + "/" + request.workflowId(), run);
        runsById.put(run.runId, run);
        return CompletableFuture.completedFuture(new StartWorkflowResponse(request.workflowId(), run.runId));
    }

    @Override
    public CompletableFuture<Void> signalWorkflowExecution(SignalWorkflowExecution request) {
        received.add(request);
        run(request.namespace(), request.workflowId(), request.runId());
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<StartWorkflowResponse> signalWithStartWorkflowExecution(
            SignalWithStartWorkflowExecution request) {
        received.add(request);
        Run existing = runs.get(request.namespace() + "/" + request.workflowId());
        if (existing != null && existing.status() == WorkflowStatus.RUNNING) {
            return CompletableFuture.completedFuture(
                    new StartWorkflowResponse(request.workflowId(), existing.runId, false));
        }
        Run run = new Run(new StartWorkflowExecution(
                request.namespace(), request.workflowId(), request.request().start()));
        runs.put(request.namespace() + "/" + request.workflowId(), run);
        return CompletableFuture.completedFuture(new StartWorkflowResponse(request.workflowId(), run.runId, true));
    }

    @Override
    public CompletableFuture<Void> requestCancelWorkflowExecution(RequestCancelWorkflowExecution request) {
        received.add(request);
        run(request.namespace(), request.workflowId(), request.runId());
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> terminateWorkflowExecution(TerminateWorkflowExecution request) {
        received.add(request);
        Run run = run(request.namespace(), request.workflowId(), request.runId());
        Failure failure = new Failure(
                request.request().reason(), Failure.FailureKind.TERMINATED, null, true, null, null, null, null, null);
        run.outcome.complete(
                new WorkflowResult(request.workflowId(), run.runId, WorkflowStatus.TERMINATED, null, failure));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<WorkflowExecutionDescription> describeWorkflowExecution(
            DescribeWorkflowExecution request) {
        received.add(request);
        if (misbehaving(request.workflowId())) {
            return misbehave(request.workflowId());
        }
        Run run = run(request.namespace(), request.workflowId(), request.runId());
        return CompletableFuture.completedFuture(new WorkflowExecutionDescription(
                request.workflowId(),
                run.runId,
                run.start.request().workflowType(),
                run.start.request().taskQueue(),
                run.status(),
                run.startTime,
                null,
                3,
                List.of(),
                null));
    }

    @Override
    public CompletableFuture<HistoryPage> getWorkflowExecutionHistory(GetWorkflowExecutionHistory request) {
        received.add(request);
        Run run = run(request.namespace(), request.workflowId(), request.runId());
        var started = new EventAttributes.WorkflowExecutionStarted(
                run.start.request().workflowType(),
                run.start.request().taskQueue(),
                run.start.request().input(),
                null,
                null,
                run.start.request().workflowTaskTimeout(),
                run.start.request().requestId(),
                null);
        if (request.workflowId().startsWith(PAGED_PREFIX) && PAGE_2.equals(request.nextPageToken())) {
            var scheduled = new EventAttributes.WorkflowTaskScheduled(
                    run.start.request().taskQueue(), null, 1);
            return CompletableFuture.completedFuture(
                    new HistoryPage(List.of(new HistoryEvent(2, run.startTime, scheduled)), null));
        }
        return CompletableFuture.completedFuture(new HistoryPage(
                List.of(new HistoryEvent(1, run.startTime, started)),
                request.workflowId().startsWith(PAGED_PREFIX) ? PAGE_2 : null));
    }

    @Override
    public CompletableFuture<WorkflowResult> getWorkflowExecutionResult(GetWorkflowExecutionResult request) {
        received.add(request);
        Run run = run(request.namespace(), request.workflowId(), request.runId());
        WorkflowResult running =
                new WorkflowResult(request.workflowId(), run.runId, WorkflowStatus.RUNNING, null, null);
        return run.outcome
                .copy()
                .completeOnTimeout(running, request.waitTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public CompletableFuture<Void> awaitEventsProcessed(AwaitEventsProcessed request) {
        received.add(request);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<WorkflowExecutionPage> listWorkflowExecutions(ListWorkflowExecutions request) {
        received.add(request);
        List<WorkflowExecutionSummary> summaries = runs.values().stream()
                .filter(run -> run.start.namespace().equals(request.namespace()))
                .filter(run -> request.status() == null || run.status() == request.status())
                .filter(run -> request.workflowType() == null
                        || run.start.request().workflowType().equals(request.workflowType()))
                .sorted(Comparator.comparing((Run run) -> run.start.workflowId())
                        .reversed())
                .limit(request.pageSize())
                .map(run -> new WorkflowExecutionSummary(
                        run.start.workflowId(),
                        run.runId,
                        run.start.request().workflowType(),
                        run.start.request().taskQueue(),
                        run.status(),
                        run.startTime,
                        null))
                .toList();
        return CompletableFuture.completedFuture(new WorkflowExecutionPage(summaries, null));
    }

    @Override
    public CompletableFuture<UpdateWorkflowResponse> updateWorkflowExecution(UpdateWorkflowExecution request) {
        received.add(request);
        if (misbehaving(request.workflowId())) {
            return misbehave(request.workflowId());
        }
        Run run = run(request.namespace(), request.workflowId(), request.runId());
        if (run.status() != WorkflowStatus.RUNNING) {
            return CompletableFuture.failedFuture(PerduraException.notFound("workflow execution already completed"));
        }
        String updateId = request.request().updateId();
        return switch (request.updateName()) {
            case "reject" ->
                CompletableFuture.completedFuture(UpdateWorkflowResponse.rejected(
                        updateId, Failure.application("Invalid", "not acceptable", true)));
            case "fail" ->
                CompletableFuture.completedFuture(UpdateWorkflowResponse.completed(
                        updateId, null, Failure.application("Broken", "the handler threw", false)));
            case "slow" ->
                CompletableFuture.failedFuture(new PerduraException(
                        ErrorType.TIMEOUT, "update " + updateId + " did not reach its stage in time"));
            case "moved" ->
                CompletableFuture.failedFuture(
                        new PerduraException(ErrorType.UNAVAILABLE, "shard 3 moved to another owner; ask again"));
            default ->
                CompletableFuture.completedFuture(
                        request.request().waitForStage() == UpdateStage.ACCEPTED
                                ? UpdateWorkflowResponse.accepted(updateId)
                                : UpdateWorkflowResponse.completed(
                                        updateId, request.request().input().path(0), null));
        };
    }

    @Override
    public CompletableFuture<WorkflowTask> recordWorkflowTaskStarted(RecordWorkflowTaskStarted request) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("matching's call, not the frontend's"));
    }

    @Override
    public CompletableFuture<ActivityTask> recordActivityTaskStarted(RecordActivityTaskStarted request) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("matching's call, not the frontend's"));
    }

    @Override
    public CompletableFuture<CompleteWorkflowTaskResponse> respondWorkflowTaskCompleted(
            RespondWorkflowTaskCompleted request) {
        received.add(request);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> respondWorkflowTaskFailed(RespondWorkflowTaskFailed request) {
        received.add(request);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> respondActivityTaskCompleted(RespondActivityTaskCompleted request) {
        received.add(request);
        if (request.token().scheduledEventId() == 404) {
            return CompletableFuture.failedFuture(
                    new PerduraException(ErrorType.TASK_NOT_FOUND, "activity task is no longer current"));
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> respondActivityTaskFailed(RespondActivityTaskFailed request) {
        received.add(request);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<HeartbeatResponse> recordActivityTaskHeartbeat(RecordActivityTaskHeartbeat request) {
        received.add(request);
        return CompletableFuture.completedFuture(new HeartbeatResponse(false));
    }

    /** Scheduled event id 409 (by token) or activity id {@code never-asked} (by id): no cancel was requested. */
    @Override
    public CompletableFuture<Void> respondActivityTaskCanceled(RespondActivityTaskCanceled request) {
        received.add(request);
        return request.token().scheduledEventId() == 409
                ? CompletableFuture.failedFuture(notAskedToCancel())
                : CompletableFuture.completedFuture(null);
    }

    /** Activity id {@code gone}: no attempt runs. */
    @Override
    public CompletableFuture<Void> respondActivityTaskCompletedById(RespondActivityTaskCompletedById request) {
        received.add(request);
        return byId(request.request().activityId(), null);
    }

    @Override
    public CompletableFuture<Void> respondActivityTaskFailedById(RespondActivityTaskFailedById request) {
        received.add(request);
        return byId(request.request().activityId(), null);
    }

    /** Activity id {@code asked} answers that its workflow asked it to cancel. */
    @Override
    public CompletableFuture<HeartbeatResponse> recordActivityTaskHeartbeatById(
            RecordActivityTaskHeartbeatById request) {
        received.add(request);
        return byId(
                request.request().activityId(),
                new HeartbeatResponse("asked".equals(request.request().activityId())));
    }

    @Override
    public CompletableFuture<Void> respondActivityTaskCanceledById(RespondActivityTaskCanceledById request) {
        received.add(request);
        if ("never-asked".equals(request.request().activityId())) {
            return CompletableFuture.failedFuture(notAskedToCancel());
        }
        return byId(request.request().activityId(), null);
    }

    private static <T> CompletableFuture<T> byId(String activityId, T answer) {
        if ("gone".equals(activityId)) {
            return CompletableFuture.failedFuture(
                    new PerduraException(ErrorType.TASK_NOT_FOUND, "activity gone has no attempt running"));
        }
        return CompletableFuture.completedFuture(answer);
    }

    private static PerduraException notAskedToCancel() {
        return new PerduraException(ErrorType.FAILED_PRECONDITION, "its workflow did not ask to cancel the activity");
    }

    @Override
    public CompletableFuture<StartWorkflowResponse> startChildWorkflowExecution(StartChildWorkflowExecution request) {
        return CompletableFuture.failedFuture(
                new UnsupportedOperationException("history's own call, not the frontend's"));
    }

    @Override
    public CompletableFuture<InitiatedCommand> getInitiatedCommand(GetInitiatedCommand request) {
        return CompletableFuture.failedFuture(
                new UnsupportedOperationException("history's own call, not the frontend's"));
    }

    @Override
    public CompletableFuture<Void> recordChildExecutionStarted(RecordChildExecutionStarted request) {
        return CompletableFuture.failedFuture(
                new UnsupportedOperationException("history's own call, not the frontend's"));
    }

    @Override
    public CompletableFuture<Void> recordStartChildExecutionFailed(RecordStartChildExecutionFailed request) {
        return CompletableFuture.failedFuture(
                new UnsupportedOperationException("history's own call, not the frontend's"));
    }

    @Override
    public CompletableFuture<Void> recordChildExecutionCompleted(RecordChildExecutionCompleted request) {
        return CompletableFuture.failedFuture(
                new UnsupportedOperationException("history's own call, not the frontend's"));
    }

    @Override
    public CompletableFuture<Void> recordExternalRequestOutcome(RecordExternalRequestOutcome request) {
        return CompletableFuture.failedFuture(
                new UnsupportedOperationException("history's own call, not the frontend's"));
    }
}
