package io.perdura.history.engine;

import io.perdura.common.api.CancelRequest;
import io.perdura.common.error.PerduraException;
import io.perdura.common.history.EventAttributes.TimerFired;
import io.perdura.common.history.EventAttributes.WorkflowExecutionCancelRequested;
import io.perdura.common.history.EventAttributes.WorkflowExecutionSignaled;
import io.perdura.common.history.EventAttributes.WorkflowExecutionTerminated;
import io.perdura.common.model.WorkflowStatus;
import io.perdura.common.service.HistoryRequest.RequestCancelWorkflowExecution;
import io.perdura.common.service.HistoryRequest.SignalWorkflowExecution;
import io.perdura.common.service.HistoryRequest.TerminateWorkflowExecution;
import io.perdura.history.mutablestate.MutableState;
import io.perdura.history.mutablestate.TimerInfo;
import io.perdura.history.persistence.TimerTask;

/**
 * Signals, cancel requests, termination, user timers firing and workflow timeouts. Signalling or terminating a
 * closed run fails with NOT_FOUND ("workflow execution already completed"), as in Temporal; so does a
 * request from another workflow that wants only its own child when this run is not one.
 */
final class ExecutionControlHandler {

    private final RunExecutor executor;
    private final RunClosing closing;

    ExecutionControlHandler(RunExecutor executor, RunClosing closing) {
        this.executor = executor;
        this.closing = closing;
    }

    void signal(SignalWorkflowExecution request) {
        if (request.signalName() == null || request.signalName().isBlank()) {
            throw PerduraException.invalidArgument("signalName is required");
        }
        var body = request.request();
        if (body != null) {
            StartWorkflowHandler.requireArray(body.input(), "input");
        }
        var caller = request.caller();
        executor.update(request.namespace(), request.workflowId(), request.runId(), update -> {
            MutableState state = requireOpen(update);
            ExternalRequestHandler.requireChildOf(state, caller);
            String requestId = body == null ? null : body.requestId();
            if (requestId != null && !requestId.isBlank() && !state.rememberSignalRequestId(requestId)) {
                update.noChange();
                return null;
            }
            update.addExternalEvent(new WorkflowExecutionSignaled(
                    request.signalName(),
                    StartWorkflowHandler.input(body == null ? null : body.input()),
                    body == null ? null : body.identity(),
                    caller == null ? null : caller.execution(),
                    body == null ? null : body.header()));
            return null;
        });
    }

    /**
     * Records WorkflowExecutionCancelRequested and schedules a workflow task, so the workflow code
     * sees the cancellation; asking again changes nothing, as in Temporal.
     */
    void requestCancel(RequestCancelWorkflowExecution request) {
        CancelRequest body = request.request() == null ? new CancelRequest(null, null, null) : request.request();
        var caller = request.caller();
        executor.update(request.namespace(), request.workflowId(), request.runId(), update -> {
            MutableState state = requireOpen(update);
            ExternalRequestHandler.requireChildOf(state, caller);
            if (state.execution().isCancelRequested()) {
                update.noChange();
                return null;
            }
            state.execution().requestCancel();
            update.addExternalEvent(new WorkflowExecutionCancelRequested(
                    body.reason(),
                    caller == null ? 0 : caller.initiatedEventId(),
                    caller == null ? null : caller.namespace(),
                    caller == null ? null : caller.execution(),
                    body.identity()));
            return null;
        });
    }

    void terminate(TerminateWorkflowExecution request) {
        var body = request.request();
        executor.update(request.namespace(), request.workflowId(), request.runId(), update -> {
            ExternalRequestHandler.requireChildOf(requireOpen(update), request.caller());
            update.flushBufferedEvents();
            update.close(
                    WorkflowStatus.TERMINATED,
                    new WorkflowExecutionTerminated(
                            body == null ? null : body.reason(), body == null ? null : body.identity()));
            return null;
        });
    }

    /** The run's execution/run timeout fired. */
    void workflowTimeoutFired(RunUpdate update) {
        if (!update.state().execution().isOpen()) {
            update.noChange();
            return;
        }
        closing.timeOut(update);
    }

    /** The delay before the run's first workflow task ended: schedule it. */
    void backoffFired(RunUpdate update, TimerTask task) {
        var execution = update.state().execution();
        if (!execution.isOpen() || execution.backoffTimerTaskId() != task.taskId()) {
            update.noChange();
            return;
        }
        execution.backoffTimerTaskId(0);
        update.scheduleWorkflowTaskIfNone();
    }

    /** A user timer fired: TimerFired, written or buffered. */
    void userTimerFired(RunUpdate update, TimerTask task) {
        TimerInfo timer = update.state().timer(task.detail());
        if (!update.state().execution().isOpen() || timer == null || timer.startedEventId() != task.eventId()) {
            update.noChange();
            return;
        }
        update.state().removeTimer(timer.timerId());
        update.addExternalEvent(new TimerFired(timer.timerId(), timer.startedEventId()));
    }

    private static MutableState requireOpen(RunUpdate update) {
        MutableState state = update.state();
        if (!state.execution().isOpen()) {
            throw PerduraException.notFound("workflow execution already completed");
        }
        return state;
    }
}
