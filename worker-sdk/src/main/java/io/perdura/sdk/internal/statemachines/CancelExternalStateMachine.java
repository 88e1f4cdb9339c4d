package io.perdura.sdk.internal.statemachines;

import io.perdura.common.command.Command;
import io.perdura.common.history.EventAttributes.ExternalWorkflowExecutionCancelRequested;
import io.perdura.common.history.EventAttributes.RequestCancelExternalWorkflowExecutionFailed;
import io.perdura.common.history.EventAttributes.RequestCancelExternalWorkflowExecutionInitiated;
import io.perdura.common.history.HistoryEvent;
import java.util.Objects;

/**
 * One request that another workflow (a child, usually) cancel: RequestCancelExternalWorkflowExecution,
 * RequestCancelExternalWorkflowExecutionInitiated, then ExternalWorkflowExecutionCancelRequested or
 * RequestCancelExternalWorkflowExecutionFailed (found by initiatedEventId). It cannot itself be
 * canceled, as in Temporal.
 */
public final class CancelExternalStateMachine extends CommandStateMachine {

    /** States of a cancel request of another workflow. */
    public enum State {
        CREATED,
        INITIATED,
        CANCEL_REQUESTED,
        FAILED
    }

    /** Events that move a cancel request of another workflow. */
    public enum Event {
        INITIATED,
        CANCEL_REQUESTED,
        FAILED
    }

    public static final StateMachineDefinition<State, Event> DEFINITION = new StateMachineDefinition<State, Event>(
                    "CancelExternal", State.class)
            .add(State.CREATED, Event.INITIATED, State.INITIATED)
            .add(State.INITIATED, Event.CANCEL_REQUESTED, State.CANCEL_REQUESTED)
            .add(State.INITIATED, Event.FAILED, State.FAILED);

    private final Command.RequestCancelExternalWorkflowExecution command;
    private final OutcomeListener listener;
    private State state = State.CREATED;
    private long initiatedEventId;

    public CancelExternalStateMachine(
            Command.RequestCancelExternalWorkflowExecution command, OutcomeListener listener) {
        this.command = command;
        this.listener = listener;
    }

    @Override
    public Command command() {
        return command;
    }

    @Override
    public boolean matches(HistoryEvent event) {
        return state == State.CREATED
                && event.attributes() instanceof RequestCancelExternalWorkflowExecutionInitiated i
                && i.workflowExecution() != null
                && i.workflowExecution().workflowId().equals(command.execution().workflowId())
                && Objects.equals(
                        ExternalFailures.runIdOf(i.workflowExecution()), ExternalFailures.runIdOf(command.execution()))
                && i.childWorkflowOnly() == command.childWorkflowOnly();
    }

    @Override
    public void handleCommandEvent(HistoryEvent event) {
        state = DEFINITION.next(state, Event.INITIATED);
        initiatedEventId = event.eventId();
    }

    /** Applies ExternalWorkflowExecutionCancelRequested and RequestCancelExternalWorkflowExecutionFailed. */
    @Override
    public void handleEvent(HistoryEvent event) {
        switch (event.attributes()) {
            case ExternalWorkflowExecutionCancelRequested r -> {
                state = DEFINITION.next(state, Event.CANCEL_REQUESTED);
                listener.resolved(null, null);
            }
            case RequestCancelExternalWorkflowExecutionFailed f -> {
                state = DEFINITION.next(state, Event.FAILED);
                listener.resolved(
                        null,
                        ExternalFailures.failed(
                                "RequestCancelExternalWorkflowExecution", command.execution(), f.cause()));
            }
            default -> throw new IllegalArgumentException("not a cancel request outcome: " + event.eventType());
        }
    }

    public State state() {
        return state;
    }

    @Override
    public long initialEventId() {
        return initiatedEventId;
    }

    @Override
    public boolean isFinal() {
        return state == State.CANCEL_REQUESTED || state == State.FAILED;
    }

    @Override
    public String describe() {
        return "RequestCancelExternalWorkflowExecution(workflowId="
                + command.execution().workflowId() + ")";
    }
}
