package io.perdura.history.queue;

import io.perdura.common.api.CancelRequest;
import io.perdura.common.api.SignalRequest;
import io.perdura.common.api.StartWorkflowRequest;
import io.perdura.common.api.StartWorkflowResponse;
import io.perdura.common.api.TerminateRequest;
import io.perdura.common.error.ErrorType;
import io.perdura.common.error.PerduraException;
import io.perdura.common.history.EventAttributes.RequestCancelExternalWorkflowExecutionInitiated;
import io.perdura.common.history.EventAttributes.SignalExternalWorkflowExecutionInitiated;
import io.perdura.common.history.EventAttributes.StartChildWorkflowExecutionInitiated;
import io.perdura.common.model.ExternalWorkflowFailedCause;
import io.perdura.common.model.ParentClosePolicy;
import io.perdura.common.model.ParentExecutionInfo;
import io.perdura.common.model.WorkflowExecution;
import io.perdura.common.model.WorkflowExecutionKey;
import io.perdura.common.service.ExternalCaller;
import io.perdura.common.service.HistoryRequest.GetInitiatedCommand;
import io.perdura.common.service.HistoryRequest.RecordChildExecutionCompleted;
import io.perdura.common.service.HistoryRequest.RecordChildExecutionStarted;
import io.perdura.common.service.HistoryRequest.RecordExternalRequestOutcome;
import io.perdura.common.service.HistoryRequest.RecordStartChildExecutionFailed;
import io.perdura.common.service.HistoryRequest.RequestCancelWorkflowExecution;
import io.perdura.common.service.HistoryRequest.SignalWorkflowExecution;
import io.perdura.common.service.HistoryRequest.StartChildWorkflowExecution;
import io.perdura.common.service.HistoryRequest.TerminateWorkflowExecution;
import io.perdura.common.service.HistoryService;
import io.perdura.common.service.InitiatedCommand;
import io.perdura.history.persistence.TransferTarget;
import io.perdura.history.persistence.TransferTask;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Carries out the outbox rows about other workflows (ADR 13) as history requests over the bus, to
 * whichever process owns each workflow; never blocks: each step is a request whose answer starts
 * the next, on a virtual thread of its own (never on the thread that delivers the bus's answers). A row's future completes once its last step (recording the outcome on the run that
 * asked) succeeded, and the relay deletes the row only then; a step that fails otherwise fails the
 * future and the rescan sends the row again. Every step is idempotent: request ids derived from the
 * run and the Initiated event make a repeated start or signal a no-op, and recording an outcome
 * twice changes nothing.
 */
final class HistoryTransfers {

    /** The identity history gives the requests it makes for workflows, as Temporal's does. */
    static final String IDENTITY = "history-service";

    static final String PARENT_CLOSE_REASON = "by parent close policy";

    private final HistoryService history;
    private final Executor steps = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("perdura-history-transfer-", 0).factory());

    HistoryTransfers(HistoryService history) {
        this.history = history;
    }

    CompletableFuture<Void> send(TransferTask task) {
        return switch (task.type()) {
            case START_CHILD_EXECUTION -> startChild(task);
            case SIGNAL_EXECUTION -> signal(task);
            case CANCEL_EXECUTION -> requestCancel(task);
            case RECORD_CHILD_EXECUTION_COMPLETED -> childCompleted(task);
            case PARENT_CLOSE_POLICY -> {
                TransferTarget child = task.target();
                yield applyParentClosePolicy(
                        task.execution(), child.namespace(), child.workflowId(), child.parentClosePolicy());
            }
            default -> CompletableFuture.failedFuture(new IllegalArgumentException("not a row for history: " + task));
        };
    }

    /**
     * Starts the child the parent still waits for and records Started (or Failed) on the parent. A
     * parent that closed first gets its close policy applied to the child, which may have started
     * (the parent closed while the start was on its way) or not (then there is nothing to find).
     */
    private CompletableFuture<Void> startChild(TransferTask task) {
        WorkflowExecutionKey parent = task.execution();
        long initiatedId = task.scheduledEventId();
        return initiated(task).thenComposeAsync(command -> startChild(parent, initiatedId, command), steps);
    }

    private CompletableFuture<Void> startChild(
            WorkflowExecutionKey parent, long initiatedId, InitiatedCommand command) {
        var initiated = command.initiatedEvent().attributes(StartChildWorkflowExecutionInitiated.class);
        if (!command.runOpen()) {
            return applyParentClosePolicy(
                    parent, initiated.namespace(), initiated.workflowId(), initiated.parentClosePolicy());
        }
        if (!command.awaitingOutcome()) {
            return done();
        }
        var start = new StartChildWorkflowExecution(
                initiated.namespace(),
                initiated.workflowId(),
                childStart(initiated, requestId(parent, initiatedId)),
                new ParentExecutionInfo(parent.namespace(), execution(parent), initiatedId));
        return outcome(
                history.startChildWorkflowExecution(start),
                Set.of(ErrorType.ALREADY_STARTED, ErrorType.NAMESPACE_NOT_FOUND),
                (StartWorkflowResponse started, ErrorType error) -> error == null
                        ? childStarted(parent, initiatedId, initiated, started)
                        : history.recordStartChildExecutionFailed(new RecordStartChildExecutionFailed(
                                parent.namespace(),
                                parent.workflowId(),
                                parent.runId(),
                                initiatedId,
                                error == ErrorType.ALREADY_STARTED
                                        ? ExternalWorkflowFailedCause.WORKFLOW_ALREADY_EXISTS
                                        : ExternalWorkflowFailedCause.NAMESPACE_NOT_FOUND)));
    }

    /** Records the start on the parent; a parent that closed meanwhile gets its close policy applied. */
    private CompletableFuture<Void> childStarted(
            WorkflowExecutionKey parent,
            long initiatedId,
            StartChildWorkflowExecutionInitiated initiated,
            StartWorkflowResponse started) {
        var record = new RecordChildExecutionStarted(
                parent.namespace(),
                parent.workflowId(),
                parent.runId(),
                initiatedId,
                new WorkflowExecution(started.workflowId(), started.runId()));
        return notFoundIs(
                history.recordChildExecutionStarted(record),
                () -> applyParentClosePolicy(
                        parent, initiated.namespace(), initiated.workflowId(), initiated.parentClosePolicy()));
    }

    private CompletableFuture<Void> signal(TransferTask task) {
        WorkflowExecutionKey source = task.execution();
        long initiatedId = task.scheduledEventId();
        return initiated(task).thenComposeAsync(command -> signal(source, initiatedId, command), steps);
    }

    private CompletableFuture<Void> signal(WorkflowExecutionKey source, long initiatedId, InitiatedCommand command) {
        if (!command.runOpen() || !command.awaitingOutcome()) {
            return done();
        }
        var initiated = command.initiatedEvent().attributes(SignalExternalWorkflowExecutionInitiated.class);
        WorkflowExecution target = initiated.workflowExecution();
        if (isSelf(source, initiated.namespace(), target)) {
            return recordExternal(
                    source, initiatedId, ExternalWorkflowFailedCause.EXTERNAL_WORKFLOW_EXECUTION_NOT_FOUND);
        }
        var signal = new SignalWorkflowExecution(
                initiated.namespace(),
                target.workflowId(),
                target.runId(),
                initiated.signalName(),
                new SignalRequest(initiated.input(), requestId(source, initiatedId), IDENTITY),
                new ExternalCaller(source.namespace(), execution(source), initiatedId, initiated.childWorkflowOnly()));
        return deliver(history.signalWorkflowExecution(signal), source, initiatedId);
    }

    private CompletableFuture<Void> requestCancel(TransferTask task) {
        WorkflowExecutionKey source = task.execution();
        long initiatedId = task.scheduledEventId();
        return initiated(task).thenComposeAsync(command -> requestCancel(source, initiatedId, command), steps);
    }

    private CompletableFuture<Void> requestCancel(
            WorkflowExecutionKey source, long initiatedId, InitiatedCommand command) {
        if (!command.runOpen() || !command.awaitingOutcome()) {
            return done();
        }
        var initiated = command.initiatedEvent().attributes(RequestCancelExternalWorkflowExecutionInitiated.class);
        WorkflowExecution target = initiated.workflowExecution();
        if (isSelf(source, initiated.namespace(), target)) {
            return recordExternal(
                    source, initiatedId, ExternalWorkflowFailedCause.EXTERNAL_WORKFLOW_EXECUTION_NOT_FOUND);
        }
        var cancel = new RequestCancelWorkflowExecution(
                initiated.namespace(),
                target.workflowId(),
                target.runId(),
                new CancelRequest(initiated.reason(), requestId(source, initiatedId), IDENTITY),
                new ExternalCaller(source.namespace(), execution(source), initiatedId, initiated.childWorkflowOnly()));
        return deliver(history.requestCancelWorkflowExecution(cancel), source, initiatedId);
    }

    /** Records the delivery, or EXTERNAL_WORKFLOW_EXECUTION_NOT_FOUND when the target is missing or closed. */
    private CompletableFuture<Void> deliver(
            CompletableFuture<Void> delivery, WorkflowExecutionKey source, long initiatedId) {
        return outcome(
                delivery,
                Set.of(ErrorType.NOT_FOUND, ErrorType.NAMESPACE_NOT_FOUND),
                (Void ok, ErrorType error) -> recordExternal(
                        source,
                        initiatedId,
                        error == null
                                ? null
                                : error == ErrorType.NOT_FOUND
                                        ? ExternalWorkflowFailedCause.EXTERNAL_WORKFLOW_EXECUTION_NOT_FOUND
                                        : ExternalWorkflowFailedCause.NAMESPACE_NOT_FOUND));
    }

    private CompletableFuture<Void> recordExternal(
            WorkflowExecutionKey source, long initiatedId, ExternalWorkflowFailedCause failedCause) {
        return history.recordExternalRequestOutcome(new RecordExternalRequestOutcome(
                source.namespace(), source.workflowId(), source.runId(), initiatedId, failedCause));
    }

    /** Tells the parent that this child's chain closed; a parent that no longer exists needs nothing. */
    private CompletableFuture<Void> childCompleted(TransferTask task) {
        TransferTarget parent = task.target();
        WorkflowExecutionKey child = task.execution();
        return notFoundIs(
                history.recordChildExecutionCompleted(new RecordChildExecutionCompleted(
                        parent.namespace(),
                        parent.workflowId(),
                        parent.runId(),
                        task.scheduledEventId(),
                        execution(child),
                        parent.firstRunId(),
                        parent.completionEvent())),
                HistoryTransfers::done);
    }

    /**
     * Terminates or asks to cancel the current run of the closed parent's child, if it still is the
     * parent's child (a child that continued as new still is); a child that is gone or closed needs
     * nothing.
     */
    private CompletableFuture<Void> applyParentClosePolicy(
            WorkflowExecutionKey parent, String namespace, String childWorkflowId, ParentClosePolicy policy) {
        var caller = new ExternalCaller(parent.namespace(), execution(parent), 0, true);
        CompletableFuture<Void> applied = switch (policy == null ? ParentClosePolicy.TERMINATE : policy) {
            case ABANDON -> done();
            case TERMINATE ->
                history.terminateWorkflowExecution(new TerminateWorkflowExecution(
                        namespace, childWorkflowId, null, new TerminateRequest(PARENT_CLOSE_REASON, IDENTITY), caller));
            case REQUEST_CANCEL ->
                history.requestCancelWorkflowExecution(new RequestCancelWorkflowExecution(
                        namespace,
                        childWorkflowId,
                        null,
                        new CancelRequest(PARENT_CLOSE_REASON, parent.runId() + ":close:" + childWorkflowId, IDENTITY),
                        caller));
        };
        return notFoundIs(applied, HistoryTransfers::done);
    }

    private CompletableFuture<InitiatedCommand> initiated(TransferTask task) {
        var key = task.execution();
        return history.getInitiatedCommand(
                new GetInitiatedCommand(key.namespace(), key.workflowId(), key.runId(), task.scheduledEventId()));
    }

    /** The child's start, from its parent's StartChildWorkflowExecutionInitiated. */
    private static StartWorkflowRequest childStart(StartChildWorkflowExecutionInitiated initiated, String requestId) {
        return new StartWorkflowRequest(
                initiated.workflowType(),
                initiated.taskQueue(),
                initiated.input(),
                requestId,
                initiated.workflowExecutionTimeout(),
                initiated.workflowRunTimeout(),
                initiated.workflowTaskTimeout(),
                initiated.retryPolicy(),
                initiated.workflowIdReusePolicy(),
                null,
                initiated.cronSchedule(),
                initiated.memo(),
                null,
                IDENTITY,
                initiated.header());
    }

    /** The request id of the work a run's Initiated event asks for: the same for every send of its row. */
    static String requestId(WorkflowExecutionKey run, long initiatedEventId) {
        return run.runId() + ":" + initiatedEventId;
    }

    /** A workflow cannot signal or cancel itself through a command (Temporal answers NOT_FOUND too). */
    private static boolean isSelf(WorkflowExecutionKey source, String namespace, WorkflowExecution target) {
        return source.namespace().equals(namespace) && source.workflowId().equals(target.workflowId());
    }

    private static WorkflowExecution execution(WorkflowExecutionKey key) {
        return new WorkflowExecution(key.workflowId(), key.runId());
    }

    private static CompletableFuture<Void> done() {
        return CompletableFuture.completedFuture(null);
    }

    /** Goes on with {@code next} when {@code step} failed NOT_FOUND; other failures fail the row. */
    private CompletableFuture<Void> notFoundIs(CompletableFuture<Void> step, Supplier<CompletableFuture<Void>> next) {
        return outcome(
                step, Set.of(ErrorType.NOT_FOUND), (Void ok, ErrorType error) -> error == null ? done() : next.get());
    }

    /**
     * Continues with {@code then(value, null)} on success and {@code then(null, type)} when the step
     * failed with one of the {@code expected} error types (an answer, not a fault); any other failure
     * fails the returned future.
     */
    private <T> CompletableFuture<Void> outcome(CompletableFuture<T> step, Set<ErrorType> expected, Then<T> then) {
        return step.handleAsync(
                        (value, error) -> {
                            if (error == null) {
                                return then.apply(value, null);
                            }
                            PerduraException e = PerduraException.unwrap(error);
                            if (expected.contains(e.errorType())) {
                                return then.apply(null, e.errorType());
                            }
                            return CompletableFuture.<Void>failedFuture(e);
                        },
                        steps)
                .thenCompose(Function.identity());
    }

    @FunctionalInterface
    private interface Then<T> {
        CompletableFuture<Void> apply(T value, ErrorType expectedError);
    }
}
