package io.perdura.history.engine;

import io.perdura.common.error.PerduraException;
import io.perdura.common.history.EventAttributes;
import io.perdura.common.history.EventAttributes.ExternalWorkflowExecutionCancelRequested;
import io.perdura.common.history.EventAttributes.ExternalWorkflowExecutionSignaled;
import io.perdura.common.history.EventAttributes.RequestCancelExternalWorkflowExecutionFailed;
import io.perdura.common.history.EventAttributes.SignalExternalWorkflowExecutionFailed;
import io.perdura.common.history.EventType;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.model.ExternalWorkflowFailedCause;
import io.perdura.common.model.ParentExecutionInfo;
import io.perdura.common.service.ExternalCaller;
import io.perdura.common.service.HistoryRequest.GetInitiatedCommand;
import io.perdura.common.service.HistoryRequest.RecordExternalRequestOutcome;
import io.perdura.common.service.InitiatedCommand;
import io.perdura.history.mutablestate.ChildExecutionInfo;
import io.perdura.history.mutablestate.ExternalRequestInfo;
import io.perdura.history.mutablestate.MutableState;
import io.perdura.history.persistence.ExecutionStore;
import java.util.List;
import java.util.Objects;

/**
 * What the outbox relay asks of the run that gave a command to another workflow (ADR 13): the
 * command's Initiated event and whether the run still waits for its outcome, and the outcome of a
 * signal or cancel request, recorded once. And the check a target makes of a caller that wants only
 * its own child.
 */
final class ExternalRequestHandler {

    private final RunExecutor executor;
    private final ExecutionStore store;

    ExternalRequestHandler(RunExecutor executor, ExecutionStore store) {
        this.executor = executor;
        this.store = store;
    }

    InitiatedCommand initiatedCommand(GetInitiatedCommand request) {
        return executor.withLock(request.namespace(), request.workflowId(), () -> {
            MutableState state = executor.load(request.namespace(), request.workflowId(), request.runId());
            long id = request.initiatedEventId();
            List<HistoryEvent> events = store.readEvents(state.execution().key().runId(), id, 1);
            if (events.isEmpty() || events.getFirst().eventId() != id || !isInitiated(events.getFirst())) {
                throw PerduraException.invalidArgument("event " + id + " is not a command to another workflow");
            }
            boolean open = state.execution().isOpen();
            ChildExecutionInfo child = state.child(id);
            boolean awaiting = open
                    && ((child != null && child.state() == ChildExecutionInfo.State.INITIATED)
                            || state.externalRequest(id) != null);
            return new InitiatedCommand(events.getFirst(), awaiting, open);
        });
    }

    void recordOutcome(RecordExternalRequestOutcome request) {
        executor.update(request.namespace(), request.workflowId(), request.runId(), update -> {
            MutableState state = update.state();
            ExternalRequestInfo pending = state.externalRequest(request.initiatedEventId());
            if (!state.execution().isOpen() || pending == null) {
                update.noChange();
                return null;
            }
            state.removeExternalRequest(pending.initiatedEventId());
            update.addExternalEvent(outcome(pending, request.failedCause()));
            return null;
        });
    }

    private static EventAttributes outcome(ExternalRequestInfo pending, ExternalWorkflowFailedCause failed) {
        long initiated = pending.initiatedEventId();
        return switch (pending.kind()) {
            case SIGNAL ->
                failed == null
                        ? new ExternalWorkflowExecutionSignaled(initiated, pending.namespace(), pending.execution())
                        : new SignalExternalWorkflowExecutionFailed(
                                failed,
                                pending.workflowTaskCompletedEventId(),
                                pending.namespace(),
                                pending.execution(),
                                initiated);
            case CANCEL ->
                failed == null
                        ? new ExternalWorkflowExecutionCancelRequested(
                                initiated, pending.namespace(), pending.execution())
                        : new RequestCancelExternalWorkflowExecutionFailed(
                                failed,
                                pending.workflowTaskCompletedEventId(),
                                pending.namespace(),
                                pending.execution(),
                                initiated);
        };
    }

    private static boolean isInitiated(HistoryEvent event) {
        return event.eventType() == EventType.StartChildWorkflowExecutionInitiated
                || event.eventType() == EventType.SignalExternalWorkflowExecutionInitiated
                || event.eventType() == EventType.RequestCancelExternalWorkflowExecutionInitiated;
    }

    /**
     * NOT_FOUND ("workflow parent does not match", as Temporal answers) when {@code caller} wants only
     * its own child and this run is not one; a run that continues a child keeps its parent.
     */
    static void requireChildOf(MutableState target, ExternalCaller caller) {
        if (caller == null || !caller.childWorkflowOnly()) {
            return;
        }
        ParentExecutionInfo parent = target.execution().parent();
        if (parent == null
                || !Objects.equals(parent.namespace(), caller.namespace())
                || !Objects.equals(parent.execution(), caller.execution())) {
            throw PerduraException.notFound("workflow parent does not match");
        }
    }
}
