package io.perdura.history.engine;

import io.perdura.common.api.HistoryPage;
import io.perdura.common.api.PendingActivityInfo;
import io.perdura.common.api.PendingChildExecutionInfo;
import io.perdura.common.api.PendingWorkflowTaskInfo;
import io.perdura.common.api.WorkflowExecutionDescription;
import io.perdura.common.api.WorkflowExecutionPage;
import io.perdura.common.api.WorkflowExecutionSummary;
import io.perdura.common.api.WorkflowResult;
import io.perdura.common.error.ErrorType;
import io.perdura.common.error.PerduraException;
import io.perdura.common.history.EventAttributes.WorkflowExecutionCanceled;
import io.perdura.common.history.EventAttributes.WorkflowExecutionCompleted;
import io.perdura.common.history.EventAttributes.WorkflowExecutionContinuedAsNew;
import io.perdura.common.history.EventAttributes.WorkflowExecutionFailed;
import io.perdura.common.history.EventAttributes.WorkflowExecutionTerminated;
import io.perdura.common.history.EventAttributes.WorkflowExecutionTimedOut;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.model.Failure;
import io.perdura.common.model.TimeoutType;
import io.perdura.common.model.WorkflowStatus;
import io.perdura.common.service.HistoryRequest.AwaitEventsProcessed;
import io.perdura.common.service.HistoryRequest.DescribeWorkflowExecution;
import io.perdura.common.service.HistoryRequest.GetWorkflowExecutionHistory;
import io.perdura.common.service.HistoryRequest.GetWorkflowExecutionResult;
import io.perdura.common.service.HistoryRequest.ListWorkflowExecutions;
import io.perdura.history.mutablestate.ActivityInfo;
import io.perdura.history.mutablestate.ChildExecutionInfo;
import io.perdura.history.mutablestate.MutableState;
import io.perdura.history.mutablestate.WorkflowTaskInfo;
import io.perdura.history.persistence.ExecutionRecord;
import io.perdura.history.persistence.ExecutionStore;
import io.perdura.history.persistence.ExecutionStore.ListCursor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Describe, history pages, results (long poll) and lists. Closed runs stay readable. */
final class ExecutionReader {

    static final int DEFAULT_PAGE_SIZE = 100;
    private static final int MAX_PAGE_SIZE = 1000;

    private final RunExecutor executor;
    private final ExecutionStore store;
    private final RunWaiters<WorkflowResult> waiters;
    private final RunWaiters<Boolean> processed;

    ExecutionReader(
            RunExecutor executor,
            ExecutionStore store,
            RunWaiters<WorkflowResult> waiters,
            RunWaiters<Boolean> processed) {
        this.executor = executor;
        this.store = store;
        this.waiters = waiters;
        this.processed = processed;
    }

    WorkflowExecutionDescription describe(DescribeWorkflowExecution request) {
        return executor.withLock(request.namespace(), request.workflowId(), () -> {
            MutableState state = executor.load(request.namespace(), request.workflowId(), request.runId());
            var execution = state.execution();
            var key = execution.key();
            List<PendingActivityInfo> activities =
                    state.activities().stream().map(ExecutionReader::pending).toList();
            WorkflowTaskInfo task = state.workflowTask();
            PendingWorkflowTaskInfo pendingTask = task == null
                    ? null
                    : new PendingWorkflowTaskInfo(
                            task.state() == WorkflowTaskInfo.State.STARTED ? "STARTED" : "SCHEDULED",
                            task.attempt(),
                            task.scheduledTime(),
                            task.startedTime(),
                            task.lastFailure());
            return new WorkflowExecutionDescription(
                    key.workflowId(),
                    key.runId(),
                    execution.workflowType(),
                    execution.taskQueue(),
                    execution.status(),
                    execution.startTime(),
                    execution.closeTime(),
                    state.nextEventId() - 1,
                    activities,
                    pendingTask,
                    execution.executionTime(),
                    execution.firstExecutionRunId(),
                    execution.memo(),
                    execution.parent() == null ? null : execution.parent().namespace(),
                    execution.parent() == null ? null : execution.parent().execution(),
                    state.children().stream().map(ExecutionReader::pending).toList());
        });
    }

    private static PendingChildExecutionInfo pending(ChildExecutionInfo c) {
        return new PendingChildExecutionInfo(
                c.workflowId(),
                c.startedRunId(),
                c.workflowType(),
                c.initiatedEventId(),
                c.parentClosePolicy(),
                c.state().name());
    }

    private static PendingActivityInfo pending(ActivityInfo a) {
        return new PendingActivityInfo(
                a.activityId(),
                a.activityType(),
                a.scheduledEventId(),
                pendingState(a),
                a.attempt(),
                a.scheduledTime(),
                a.startedTime(),
                a.nextAttemptScheduleTime(),
                a.lastFailure());
    }

    /** As Temporal's PendingActivityState: SCHEDULED (also while backing off), STARTED, CANCEL_REQUESTED. */
    private static String pendingState(ActivityInfo a) {
        if (a.isCancelRequested()) {
            return "CANCEL_REQUESTED";
        }
        return a.state() == ActivityInfo.State.STARTED ? "STARTED" : "SCHEDULED";
    }

    HistoryPage history(GetWorkflowExecutionHistory request) {
        String runId = executor.withLock(
                request.namespace(),
                request.workflowId(),
                () -> executor.load(request.namespace(), request.workflowId(), request.runId())
                        .execution()
                        .key()
                        .runId());
        int pageSize = pageSize(request.pageSize());
        long from = request.nextPageToken() == null || request.nextPageToken().isBlank()
                ? 1
                : Long.parseLong(decodeToken(request.nextPageToken()));
        List<HistoryEvent> events = store.readEvents(runId, from, pageSize + 1);
        if (events.size() <= pageSize) {
            return new HistoryPage(events, null);
        }
        List<HistoryEvent> page = events.subList(0, pageSize);
        return new HistoryPage(
                List.copyOf(page), encodeToken(String.valueOf(page.getLast().eventId() + 1)));
    }

    CompletableFuture<WorkflowResult> result(GetWorkflowExecutionResult request) {
        return executor.withLock(request.namespace(), request.workflowId(), () -> {
            MutableState state = executor.load(request.namespace(), request.workflowId(), request.runId());
            var key = state.execution().key();
            if (!state.execution().isOpen()) {
                List<HistoryEvent> last = store.readEvents(key.runId(), state.nextEventId() - 1, 1);
                return CompletableFuture.completedFuture(resultOf(key.workflowId(), key.runId(), last.getFirst()));
            }
            WorkflowResult running =
                    new WorkflowResult(key.workflowId(), key.runId(), WorkflowStatus.RUNNING, null, null);
            if (request.waitTimeout() == null || !request.waitTimeout().isPositive()) {
                return CompletableFuture.completedFuture(running);
            }
            int shardId = state.execution().shardId();
            CompletableFuture<WorkflowResult> result =
                    waiters.await(shardId, key.runId(), request.waitTimeout(), running);
            if (!executor.shards().owns(shardId)) {
                // released between the check in withLock and the registration: shardsReleased missed it
                result.completeExceptionally(new PerduraException(
                        ErrorType.UNAVAILABLE, "shard " + shardId + " moved to another owner; ask again"));
            }
            return result;
        });
    }

    /** Waits until the run's workflow code caught up with its events (see {@link AwaitEventsProcessed}). */
    CompletableFuture<Boolean> awaitProcessed(AwaitEventsProcessed request) {
        return executor.withLock(request.namespace(), request.workflowId(), () -> {
            MutableState state = executor.load(request.namespace(), request.workflowId(), request.runId());
            if (isProcessed(state)
                    || request.waitTimeout() == null
                    || !request.waitTimeout().isPositive()) {
                return CompletableFuture.completedFuture(isProcessed(state));
            }
            var execution = state.execution();
            return processed.await(execution.shardId(), execution.key().runId(), request.waitTimeout(), false);
        });
    }

    /**
     * Whether no workflow task waits to deliver events to the workflow code: none pending, or only
     * a retry of a failing task (which waits for fixed code, not for the events), or only a
     * speculative task delivering updates with no event waiting for it, or the run closed.
     */
    static boolean isProcessed(MutableState state) {
        WorkflowTaskInfo task = state.workflowTask();
        return !state.execution().isOpen()
                || task == null
                || task.isTransient()
                || (task.isSpeculative() && state.bufferedEvents().isEmpty());
    }

    /** The outcome of a run from its closing event. */
    static WorkflowResult resultOf(String workflowId, String runId, HistoryEvent closing) {
        return switch (closing.attributes()) {
            case WorkflowExecutionCompleted c ->
                new WorkflowResult(
                        workflowId, runId, WorkflowStatus.COMPLETED, c.result(), null, c.newExecutionRunId());
            case WorkflowExecutionFailed f ->
                new WorkflowResult(workflowId, runId, WorkflowStatus.FAILED, null, f.failure(), f.newExecutionRunId());
            case WorkflowExecutionTimedOut t ->
                new WorkflowResult(
                        workflowId,
                        runId,
                        WorkflowStatus.TIMED_OUT,
                        null,
                        closedFailure("workflow execution timed out", Failure.FailureKind.TIMEOUT, t.timeoutType()),
                        t.newExecutionRunId());
            case WorkflowExecutionTerminated t ->
                new WorkflowResult(
                        workflowId,
                        runId,
                        WorkflowStatus.TERMINATED,
                        null,
                        closedFailure(
                                t.reason() == null ? "terminated" : t.reason(), Failure.FailureKind.TERMINATED, null));
            case WorkflowExecutionCanceled c ->
                new WorkflowResult(
                        workflowId,
                        runId,
                        WorkflowStatus.CANCELED,
                        null,
                        closedFailure("workflow execution canceled", Failure.FailureKind.CANCELED, null)
                                .withDetails(c.details()));
            case WorkflowExecutionContinuedAsNew n ->
                new WorkflowResult(
                        workflowId, runId, WorkflowStatus.CONTINUED_AS_NEW, null, null, n.newExecutionRunId());
            default -> throw new IllegalStateException("not a closing event: " + closing.eventType());
        };
    }

    private static Failure closedFailure(String message, Failure.FailureKind kind, TimeoutType timeoutType) {
        return new Failure(message, kind, null, true, null, null, null, null, timeoutType);
    }

    WorkflowExecutionPage list(ListWorkflowExecutions request) {
        int pageSize = pageSize(request.pageSize());
        ListCursor after = null;
        if (request.nextPageToken() != null && !request.nextPageToken().isBlank()) {
            String decoded = decodeToken(request.nextPageToken());
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw PerduraException.invalidArgument("malformed nextPageToken");
            }
            after = new ListCursor(Long.parseLong(decoded.substring(0, colon)), decoded.substring(colon + 1));
        }
        List<ExecutionRecord> rows = store.listExecutions(
                request.namespace(), request.status(), request.workflowType(), after, pageSize + 1);
        List<ExecutionRecord> page = rows.size() > pageSize ? rows.subList(0, pageSize) : rows;
        String next = null;
        if (rows.size() > pageSize) {
            ExecutionRecord last = page.getLast();
            next = encodeToken(last.startTime() + ":" + last.key().runId());
        }
        List<WorkflowExecutionSummary> summaries = page.stream()
                .map(r -> new WorkflowExecutionSummary(
                        r.key().workflowId(),
                        r.key().runId(),
                        r.workflowType(),
                        r.taskQueue(),
                        r.status(),
                        Instant.ofEpochMilli(r.startTime()),
                        r.closeTime() == null ? null : Instant.ofEpochMilli(r.closeTime())))
                .toList();
        return new WorkflowExecutionPage(summaries, next);
    }

    private static int pageSize(int requested) {
        return requested <= 0 ? DEFAULT_PAGE_SIZE : Math.min(requested, MAX_PAGE_SIZE);
    }

    private static String encodeToken(String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeToken(String token) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (decoded.isEmpty()) {
                throw PerduraException.invalidArgument("malformed nextPageToken");
            }
            if (!decoded.contains(":")) {
                Long.parseLong(decoded);
            }
            return decoded;
        } catch (IllegalArgumentException e) {
            throw PerduraException.invalidArgument("malformed nextPageToken");
        }
    }
}
