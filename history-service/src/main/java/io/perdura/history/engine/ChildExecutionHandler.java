package io.perdura.history.engine;

import io.perdura.common.api.StartWorkflowResponse;
import io.perdura.common.error.PerduraException;
import io.perdura.common.history.EventAttributes;
import io.perdura.common.history.EventAttributes.ChildWorkflowExecutionCanceled;
import io.perdura.common.history.EventAttributes.ChildWorkflowExecutionCompleted;
import io.perdura.common.history.EventAttributes.ChildWorkflowExecutionFailed;
import io.perdura.common.history.EventAttributes.ChildWorkflowExecutionStarted;
import io.perdura.common.history.EventAttributes.ChildWorkflowExecutionTerminated;
import io.perdura.common.history.EventAttributes.ChildWorkflowExecutionTimedOut;
import io.perdura.common.history.EventAttributes.StartChildWorkflowExecutionFailed;
import io.perdura.common.history.EventAttributes.WorkflowExecutionCanceled;
import io.perdura.common.history.EventAttributes.WorkflowExecutionCompleted;
import io.perdura.common.history.EventAttributes.WorkflowExecutionFailed;
import io.perdura.common.history.EventAttributes.WorkflowExecutionTerminated;
import io.perdura.common.history.EventAttributes.WorkflowExecutionTimedOut;
import io.perdura.common.model.WorkflowExecution;
import io.perdura.common.service.HistoryRequest.RecordChildExecutionCompleted;
import io.perdura.common.service.HistoryRequest.RecordChildExecutionStarted;
import io.perdura.common.service.HistoryRequest.RecordStartChildExecutionFailed;
import io.perdura.common.service.HistoryRequest.StartChildWorkflowExecution;
import io.perdura.common.service.HistoryRequest.StartWorkflowExecution;
import io.perdura.history.mutablestate.ChildExecutionInfo;
import io.perdura.history.mutablestate.MutableState;

/**
 * Child workflows on both sides (ADR 13): the child's start for its parent, and on the parent the
 * child's start, failed start and close, each recorded once (a repeat changes nothing) as an event
 * from outside a workflow task (written or buffered, and a workflow task scheduled).
 */
final class ChildExecutionHandler {

    private final RunExecutor executor;
    private final StartWorkflowHandler starts;

    ChildExecutionHandler(RunExecutor executor, StartWorkflowHandler starts) {
        this.executor = executor;
        this.starts = starts;
    }

    /** On the child's shard: a start whose WorkflowExecutionStarted names the parent. */
    StartWorkflowResponse start(StartChildWorkflowExecution request) {
        var parent = request.parent();
        if (parent == null
                || parent.execution() == null
                || parent.execution().runId() == null
                || parent.initiatedEventId() <= 0) {
            throw PerduraException.invalidArgument("a child start names its parent run and initiated event");
        }
        return starts.start(
                new StartWorkflowExecution(request.namespace(), request.workflowId(), request.request()), parent);
    }

    /** ChildWorkflowExecutionStarted; NOT_FOUND when the parent is closed, so the relay applies its close policy. */
    void recordStarted(RecordChildExecutionStarted request) {
        executor.update(request.namespace(), request.workflowId(), request.runId(), update -> {
            if (!update.state().execution().isOpen()) {
                throw PerduraException.notFound("workflow execution already completed");
            }
            ChildExecutionInfo child = update.state().child(request.initiatedEventId());
            if (child == null || child.state() != ChildExecutionInfo.State.INITIATED) {
                update.noChange();
                return null;
            }
            started(update, child, request.childExecution(), false);
            return null;
        });
    }

    void recordStartFailed(RecordStartChildExecutionFailed request) {
        executor.update(request.namespace(), request.workflowId(), request.runId(), update -> {
            MutableState state = update.state();
            ChildExecutionInfo child = state.child(request.initiatedEventId());
            if (!state.execution().isOpen() || child == null || child.state() != ChildExecutionInfo.State.INITIATED) {
                update.noChange();
                return null;
            }
            state.removeChild(child.initiatedEventId());
            update.addExternalEvent(new StartChildWorkflowExecutionFailed(
                    child.namespace(),
                    child.workflowId(),
                    child.workflowType(),
                    request.cause(),
                    child.initiatedEventId(),
                    child.workflowTaskCompletedEventId()));
            return null;
        });
    }

    /**
     * The child's chain closed: its outcome event, after ChildWorkflowExecutionStarted when the
     * parent had not heard of the start yet (the two rows travel independently). A closed parent,
     * or a child already recorded, ignores it.
     */
    void recordCompleted(RecordChildExecutionCompleted request) {
        executor.update(request.namespace(), request.workflowId(), request.runId(), update -> {
            MutableState state = update.state();
            ChildExecutionInfo child = state.child(request.initiatedEventId());
            if (!state.execution().isOpen() || child == null || request.completionEvent() == null) {
                update.noChange();
                return null;
            }
            if (child.state() == ChildExecutionInfo.State.INITIATED) {
                started(update, child, new WorkflowExecution(child.workflowId(), request.childFirstRunId()), true);
            }
            EventAttributes outcome = outcome(request.completionEvent().attributes(), child, request.childExecution());
            if (outcome == null) {
                throw PerduraException.invalidArgument(
                        "not a closing event: " + request.completionEvent().eventType());
            }
            state.removeChild(child.initiatedEventId());
            update.addExternalEvent(outcome);
            return null;
        });
    }

    /**
     * ChildWorkflowExecutionStarted, written or buffered; when the child's outcome follows in the same
     * change, a written one leaves scheduling the workflow task to the outcome, which comes next.
     */
    private static void started(
            RunUpdate update, ChildExecutionInfo child, WorkflowExecution execution, boolean outcomeFollows) {
        var event = new ChildWorkflowExecutionStarted(
                child.namespace(), child.initiatedEventId(), execution, child.workflowType());
        long eventId = outcomeFollows && !update.state().isWorkflowTaskInFlight()
                ? update.addEvent(event)
                : update.addExternalEvent(event);
        child.started(execution.runId(), eventId);
    }

    /** The parent's event for the child's closing event, or null for an event that does not end a chain. */
    private static EventAttributes outcome(EventAttributes closing, ChildExecutionInfo child, WorkflowExecution run) {
        String ns = child.namespace();
        String type = child.workflowType();
        long initiated = child.initiatedEventId();
        long started = child.startedEventId();
        return switch (closing) {
            case WorkflowExecutionCompleted c ->
                new ChildWorkflowExecutionCompleted(c.result(), ns, run, type, initiated, started);
            case WorkflowExecutionFailed f ->
                new ChildWorkflowExecutionFailed(f.failure(), ns, run, type, initiated, started, f.retryState());
            case WorkflowExecutionCanceled c ->
                new ChildWorkflowExecutionCanceled(c.details(), ns, run, type, initiated, started);
            case WorkflowExecutionTimedOut t ->
                new ChildWorkflowExecutionTimedOut(ns, run, type, initiated, started, t.retryState());
            case WorkflowExecutionTerminated t ->
                new ChildWorkflowExecutionTerminated(ns, run, type, initiated, started);
            default -> null;
        };
    }
}
