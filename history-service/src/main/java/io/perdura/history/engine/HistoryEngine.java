package io.perdura.history.engine;

import io.perdura.common.api.ActivityTask;
import io.perdura.common.api.CompleteWorkflowTaskResponse;
import io.perdura.common.api.HeartbeatResponse;
import io.perdura.common.api.HistoryPage;
import io.perdura.common.api.StartWorkflowResponse;
import io.perdura.common.api.UpdateWorkflowResponse;
import io.perdura.common.api.WorkflowExecutionDescription;
import io.perdura.common.api.WorkflowExecutionPage;
import io.perdura.common.api.WorkflowResult;
import io.perdura.common.api.WorkflowTask;
import io.perdura.common.error.ErrorType;
import io.perdura.common.error.PerduraException;
import io.perdura.common.service.HistoryRequest;
import io.perdura.common.service.HistoryRequest.AwaitEventsProcessed;
import io.perdura.common.service.HistoryRequest.DescribeWorkflowExecution;
import io.perdura.common.service.HistoryRequest.GetInitiatedCommand;
import io.perdura.common.service.HistoryRequest.GetWorkflowExecutionHistory;
import io.perdura.common.service.HistoryRequest.GetWorkflowExecutionResult;
import io.perdura.common.service.HistoryRequest.ListWorkflowExecutions;
import io.perdura.common.service.HistoryRequest.RecordActivityTaskHeartbeat;
import io.perdura.common.service.HistoryRequest.RecordActivityTaskHeartbeatById;
import io.perdura.common.service.HistoryRequest.RecordActivityTaskStarted;
import io.perdura.common.service.HistoryRequest.RecordChildExecutionCompleted;
import io.perdura.common.service.HistoryRequest.RecordChildExecutionStarted;
import io.perdura.common.service.HistoryRequest.RecordExternalRequestOutcome;
import io.perdura.common.service.HistoryRequest.RecordStartChildExecutionFailed;
import io.perdura.common.service.HistoryRequest.RecordWorkflowTaskStarted;
import io.perdura.common.service.HistoryRequest.RequestCancelWorkflowExecution;
import io.perdura.common.service.HistoryRequest.RespondActivityTaskCanceled;
import io.perdura.common.service.HistoryRequest.RespondActivityTaskCanceledById;
import io.perdura.common.service.HistoryRequest.RespondActivityTaskCompleted;
import io.perdura.common.service.HistoryRequest.RespondActivityTaskCompletedById;
import io.perdura.common.service.HistoryRequest.RespondActivityTaskFailed;
import io.perdura.common.service.HistoryRequest.RespondActivityTaskFailedById;
import io.perdura.common.service.HistoryRequest.RespondWorkflowTaskCompleted;
import io.perdura.common.service.HistoryRequest.RespondWorkflowTaskFailed;
import io.perdura.common.service.HistoryRequest.SignalWithStartWorkflowExecution;
import io.perdura.common.service.HistoryRequest.SignalWorkflowExecution;
import io.perdura.common.service.HistoryRequest.StartChildWorkflowExecution;
import io.perdura.common.service.HistoryRequest.StartWorkflowExecution;
import io.perdura.common.service.HistoryRequest.TerminateWorkflowExecution;
import io.perdura.common.service.HistoryRequest.UpdateWorkflowExecution;
import io.perdura.common.service.HistoryService;
import io.perdura.common.service.InitiatedCommand;
import io.perdura.history.persistence.ExecutionStore;
import io.perdura.history.persistence.NamespaceStore;
import io.perdura.history.persistence.ShardOwnershipLostException;
import io.perdura.history.persistence.TaskStore;
import io.perdura.history.persistence.TimerTask;
import io.perdura.history.queue.OutboxRelay;
import io.perdura.history.queue.TimerQueue;
import io.perdura.history.shard.ShardController;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The history engine: implements {@link HistoryService} by delegating each operation to its
 * handler. Requests run on virtual threads, in order per workflow id ({@link KeyOrderedExecutor}),
 * so that a bus partition thread never waits for a commit; they take the run's lock and do database
 * I/O, but never wait on another bus request.
 */
public final class HistoryEngine implements HistoryService {

    private static final Logger log = LoggerFactory.getLogger(HistoryEngine.class);

    private final RunExecutor executor;
    private final TaskStore taskStore;
    private final TimerQueue timerQueue;
    private final OutboxRelay relay;
    private final RunWaiters<WorkflowResult> waiters = new RunWaiters<>();
    private final RunWaiters<Boolean> processed = new RunWaiters<>();
    private final StartWorkflowHandler starts;
    private final WorkflowTaskHandler workflowTasks;
    private final ActivityTaskHandler activityTasks;
    private final ExecutionControlHandler control;
    private final ExecutionReader reader;
    private final ChildExecutionHandler children;
    private final ExternalRequestHandler external;
    private final UpdateHandler updates;
    private final KeyOrderedExecutor ordered = new KeyOrderedExecutor(Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("perdura-history-request-", 0).factory()));

    public HistoryEngine(
            ExecutionStore store,
            TaskStore taskStore,
            NamespaceStore namespaces,
            ShardController shards,
            TimerQueue timerQueue,
            OutboxRelay relay,
            Clock clock,
            Duration defaultWorkflowTaskTimeout,
            int cacheSize) {
        this.taskStore = taskStore;
        this.timerQueue = timerQueue;
        this.relay = relay;
        this.executor = new RunExecutor(store, shards, new MutableStateCache(cacheSize), clock, this::afterCommit);
        RunClosing closing = new RunClosing(executor);
        this.starts = new StartWorkflowHandler(executor, store, namespaces, defaultWorkflowTaskTimeout);
        this.workflowTasks = new WorkflowTaskHandler(executor, closing);
        this.activityTasks = new ActivityTaskHandler(executor);
        this.control = new ExecutionControlHandler(executor, closing);
        this.reader = new ExecutionReader(executor, store, waiters, processed);
        this.children = new ChildExecutionHandler(executor, starts);
        this.external = new ExternalRequestHandler(executor, store);
        this.updates = new UpdateHandler(executor, store);
    }

    private void afterCommit(RunUpdate update) {
        timerQueue.schedule(update.timerTasks());
        timerQueue.cancel(update.shard().shardId(), update.deletedTimerTaskIds());
        relay.send(update.transferTasks());
        var key = update.key();
        if (update.closingEvent() != null) {
            waiters.complete(
                    key.runId(), ExecutionReader.resultOf(key.workflowId(), key.runId(), update.closingEvent()));
        }
        if (ExecutionReader.isProcessed(update.state())) {
            processed.complete(key.runId(), true);
        }
        updates.afterCommit(update);
    }

    /** Fires a due timer: applies it if MutableState still expects it, else just deletes its row. */
    public void fireTimer(TimerTask task) {
        var key = task.execution();
        boolean applied;
        try {
            applied = executor.update(key.namespace(), key.workflowId(), key.runId(), update -> {
                update.deleteTimer(task.taskId());
                switch (task.type()) {
                    case USER_TIMER -> control.userTimerFired(update, task);
                    case WORKFLOW_TIMEOUT -> control.workflowTimeoutFired(update);
                    case WORKFLOW_BACKOFF -> control.backoffFired(update, task);
                    case WORKFLOW_TASK_TIMEOUT -> workflowTasks.timeoutFired(update, task);
                    case WORKFLOW_TASK_BACKOFF -> workflowTasks.backoffFired(update, task);
                    case WORKFLOW_TASK_STICKY_TIMEOUT -> StickyExecution.timeoutFired(update, task);
                    case ACTIVITY_TIMEOUT -> activityTasks.timeoutFired(update, task);
                    case ACTIVITY_RETRY -> activityTasks.retryFired(update, task);
                }
                return !update.isUnchanged();
            });
        } catch (PerduraException e) {
            if (e.errorType() != ErrorType.NOT_FOUND) {
                throw e;
            }
            applied = false;
        }
        if (!applied) {
            taskStore.deleteTimerTasks(task.shardId(), List.of(task.taskId()));
        }
    }

    /**
     * Shards just acquired: every cached MutableState and history is dropped (another owner may
     * have written those runs meanwhile; ownership changes are rare, so all caches go).
     */
    public void shardsAcquired(Set<Integer> shardIds) {
        executor.clearCaches();
    }

    /**
     * Shards just released: caches are dropped and the result long polls and update calls of their
     * runs fail UNAVAILABLE, so that callers ask the new owner.
     */
    public void shardsReleased(Set<Integer> shardIds) {
        executor.clearCaches();
        waiters.shardsReleased(shardIds);
        processed.shardsReleased(shardIds);
        updates.shardsReleased(shardIds);
    }

    /** How many result long polls are waiting. */
    public int waitingResults() {
        return waiters.size();
    }

    /** How many update calls are waiting for their update. */
    public int waitingUpdates() {
        return updates.waiting();
    }

    @Override
    public CompletableFuture<StartWorkflowResponse> startWorkflowExecution(StartWorkflowExecution request) {
        return ordered(request, () -> call(() -> starts.start(request)));
    }

    @Override
    public CompletableFuture<Void> signalWorkflowExecution(SignalWorkflowExecution request) {
        return ordered(request, () -> run(() -> control.signal(request)));
    }

    @Override
    public CompletableFuture<StartWorkflowResponse> signalWithStartWorkflowExecution(
            SignalWithStartWorkflowExecution request) {
        return ordered(request, () -> call(() -> starts.signalWithStart(request)));
    }

    @Override
    public CompletableFuture<Void> requestCancelWorkflowExecution(RequestCancelWorkflowExecution request) {
        return ordered(request, () -> run(() -> control.requestCancel(request)));
    }

    @Override
    public CompletableFuture<Void> terminateWorkflowExecution(TerminateWorkflowExecution request) {
        return ordered(request, () -> run(() -> control.terminate(request)));
    }

    @Override
    public CompletableFuture<WorkflowExecutionDescription> describeWorkflowExecution(
            DescribeWorkflowExecution request) {
        return ordered(request, () -> call(() -> reader.describe(request)));
    }

    @Override
    public CompletableFuture<HistoryPage> getWorkflowExecutionHistory(GetWorkflowExecutionHistory request) {
        return ordered(request, () -> call(() -> reader.history(request)));
    }

    @Override
    public CompletableFuture<WorkflowResult> getWorkflowExecutionResult(GetWorkflowExecutionResult request) {
        return ordered(request, () -> {
            try {
                return reader.result(request);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(translate(e));
            }
        });
    }

    @Override
    public CompletableFuture<Void> awaitEventsProcessed(AwaitEventsProcessed request) {
        return ordered(request, () -> {
            try {
                return reader.awaitProcessed(request).thenApply(caughtUp -> null);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(translate(e));
            }
        });
    }

    @Override
    public CompletableFuture<WorkflowExecutionPage> listWorkflowExecutions(ListWorkflowExecutions request) {
        return ordered(request, () -> call(() -> reader.list(request)));
    }

    @Override
    public CompletableFuture<UpdateWorkflowResponse> updateWorkflowExecution(UpdateWorkflowExecution request) {
        return ordered(request, () -> {
            try {
                return updates.update(request);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(translate(e));
            }
        });
    }

    @Override
    public CompletableFuture<WorkflowTask> recordWorkflowTaskStarted(RecordWorkflowTaskStarted request) {
        return ordered(request, () -> call(() -> workflowTasks.recordStarted(request)));
    }

    @Override
    public CompletableFuture<ActivityTask> recordActivityTaskStarted(RecordActivityTaskStarted request) {
        return ordered(request, () -> call(() -> activityTasks.recordStarted(request)));
    }

    @Override
    public CompletableFuture<CompleteWorkflowTaskResponse> respondWorkflowTaskCompleted(
            RespondWorkflowTaskCompleted request) {
        return ordered(request, () -> call(() -> workflowTasks.completed(request)));
    }

    @Override
    public CompletableFuture<Void> respondWorkflowTaskFailed(RespondWorkflowTaskFailed request) {
        return ordered(request, () -> run(() -> workflowTasks.failed(request)));
    }

    @Override
    public CompletableFuture<Void> respondActivityTaskCompleted(RespondActivityTaskCompleted request) {
        return ordered(request, () -> run(() -> activityTasks.completed(request)));
    }

    @Override
    public CompletableFuture<Void> respondActivityTaskFailed(RespondActivityTaskFailed request) {
        return ordered(request, () -> run(() -> activityTasks.failed(request)));
    }

    @Override
    public CompletableFuture<HeartbeatResponse> recordActivityTaskHeartbeat(RecordActivityTaskHeartbeat request) {
        return ordered(request, () -> call(() -> activityTasks.heartbeat(request)));
    }

    @Override
    public CompletableFuture<Void> respondActivityTaskCanceled(RespondActivityTaskCanceled request) {
        return ordered(request, () -> run(() -> activityTasks.canceled(request)));
    }

    @Override
    public CompletableFuture<Void> respondActivityTaskCompletedById(RespondActivityTaskCompletedById request) {
        return ordered(request, () -> run(() -> activityTasks.completedById(request)));
    }

    @Override
    public CompletableFuture<Void> respondActivityTaskFailedById(RespondActivityTaskFailedById request) {
        return ordered(request, () -> run(() -> activityTasks.failedById(request)));
    }

    @Override
    public CompletableFuture<HeartbeatResponse> recordActivityTaskHeartbeatById(
            RecordActivityTaskHeartbeatById request) {
        return ordered(request, () -> call(() -> activityTasks.heartbeatById(request)));
    }

    @Override
    public CompletableFuture<Void> respondActivityTaskCanceledById(RespondActivityTaskCanceledById request) {
        return ordered(request, () -> run(() -> activityTasks.canceledById(request)));
    }

    @Override
    public CompletableFuture<StartWorkflowResponse> startChildWorkflowExecution(StartChildWorkflowExecution request) {
        return ordered(request, () -> call(() -> children.start(request)));
    }

    @Override
    public CompletableFuture<InitiatedCommand> getInitiatedCommand(GetInitiatedCommand request) {
        return ordered(request, () -> call(() -> external.initiatedCommand(request)));
    }

    @Override
    public CompletableFuture<Void> recordChildExecutionStarted(RecordChildExecutionStarted request) {
        return ordered(request, () -> run(() -> children.recordStarted(request)));
    }

    @Override
    public CompletableFuture<Void> recordStartChildExecutionFailed(RecordStartChildExecutionFailed request) {
        return ordered(request, () -> run(() -> children.recordStartFailed(request)));
    }

    @Override
    public CompletableFuture<Void> recordChildExecutionCompleted(RecordChildExecutionCompleted request) {
        return ordered(request, () -> run(() -> children.recordCompleted(request)));
    }

    @Override
    public CompletableFuture<Void> recordExternalRequestOutcome(RecordExternalRequestOutcome request) {
        return ordered(request, () -> run(() -> external.recordOutcome(request)));
    }

    /** Runs a request off the bus thread, in order with the other requests about its workflow. */
    private <T> CompletableFuture<T> ordered(HistoryRequest request, Supplier<CompletableFuture<T>> action) {
        return ordered.submit(request.routingKey(), action);
    }

    private static <T> CompletableFuture<T> call(Supplier<T> action) {
        try {
            return CompletableFuture.completedFuture(action.get());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(translate(e));
        }
    }

    private static CompletableFuture<Void> run(Runnable action) {
        return call(() -> {
            action.run();
            return null;
        });
    }

    private static PerduraException translate(RuntimeException e) {
        if (e instanceof PerduraException pe) {
            return pe;
        }
        if (e instanceof ShardOwnershipLostException) {
            return new PerduraException(ErrorType.UNAVAILABLE, e.getMessage(), e);
        }
        if (e instanceof DataAccessException
                || e instanceof CannotCreateTransactionException
                || e instanceof TransactionSystemException) {
            log.warn("database error in history: {}", e.getMessage());
            return new PerduraException(ErrorType.UNAVAILABLE, "history store unavailable", e);
        }
        log.error("history request failed", e);
        return new PerduraException(ErrorType.INTERNAL, "internal error in history", e);
    }
}
