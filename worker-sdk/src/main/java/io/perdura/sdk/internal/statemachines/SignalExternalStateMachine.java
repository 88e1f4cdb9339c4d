package io.perdura.sdk.internal.statemachines;

import io.perdura.common.command.Command;
import io.perdura.common.history.EventAttributes.ExternalWorkflowExecutionSignaled;
import io.perdura.common.history.EventAttributes.SignalExternalWorkflowExecutionFailed;
import io.perdura.common.history.EventAttributes.SignalExternalWorkflowExecutionInitiated;
import io.perdura.common.history.HistoryEvent;
import io.perdura.sdk.failure.CanceledFailure;
import java.util.Objects;

/**
 * One signal to another workflow: SignalExternalWorkflowExecution,
 * SignalExternalWorkflowExecutionInitiated, then ExternalWorkflowExecutionSignaled or
 * SignalExternalWorkflowExecutionFailed (found by initiatedEventId). A cancel drops a signal whose
 * command was not sent (the code gets a {@link CanceledFailure}); a recorded signal is delivered
 * anyway and the code waits for its outcome, as in Temporal.
 */
public final class SignalExternalStateMachine extends CommandStateMachine {

    /** States of a signal to another workflow. */
    public enum State {
        CREATED,
        INITIATED,
        SIGNALED,
        FAILED,
        CANCELED
    }

    /** Events that move a signal to another workflow. */
    public enum Event {
        INITIATED,
        CANCEL,
        SIGNALED,
        FAILED
    }

    public static final StateMachineDefinition<State, Event> DEFINITION = new StateMachineDefinition<State, Event>(
                    "SignalExternal", State.class)
            .add(State.CREATED, Event.INITIATED, State.INITIATED)
            .add(State.CREATED, Event.CANCEL, State.CANCELED)
            .add(State.INITIATED, Event.CANCEL, State.INITIATED)
            .add(State.INITIATED, Event.SIGNALED, State.SIGNALED)
            .add(State.INITIATED, Event.FAILED, State.FAILED);

    private final Command.SignalExternalWorkflowExecution command;
    private final OutcomeListener listener;
    private State state = State.CREATED;
    private long initiatedEventId;

    public SignalExternalStateMachine(Command.SignalExternalWorkflowExecution command, OutcomeListener listener) {
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
                && event.attributes() instanceof SignalExternalWorkflowExecutionInitiated i
                && i.workflowExecution() != null
                && i.workflowExecution().workflowId().equals(command.execution().workflowId())
                && Objects.equals(
                        ExternalFailures.runIdOf(i.workflowExecution()), ExternalFailures.runIdOf(command.execution()))
                && i.signalName().equals(command.signalName());
    }

    @Override
    public void handleCommandEvent(HistoryEvent event) {
        state = DEFINITION.next(state, Event.INITIATED);
        initiatedEventId = event.eventId();
    }

    /** Applies ExternalWorkflowExecutionSignaled and SignalExternalWorkflowExecutionFailed. */
    @Override
    public void handleEvent(HistoryEvent event) {
        switch (event.attributes()) {
            case ExternalWorkflowExecutionSignaled s -> {
                state = DEFINITION.next(state, Event.SIGNALED);
                listener.resolved(null, null);
            }
            case SignalExternalWorkflowExecutionFailed f -> {
                state = DEFINITION.next(state, Event.FAILED);
                listener.resolved(
                        null,
                        ExternalFailures.failed("SignalExternalWorkflowExecution", command.execution(), f.cause()));
            }
            default -> throw new IllegalArgumentException("not a signal outcome: " + event.eventType());
        }
    }

    /** The signal's scope was canceled: a signal not sent yet is dropped; a recorded one goes on. */
    public CancelResult cancel(String reason) {
        switch (state) {
            case CREATED -> {
                state = DEFINITION.next(state, Event.CANCEL);
                listener.resolved(
                        null, new CanceledFailure(reason == null ? "signal external workflow canceled" : reason));
                return CancelResult.DROP_COMMAND;
            }
            case INITIATED -> {
                state = DEFINITION.next(state, Event.CANCEL);
                return CancelResult.NONE;
            }
            default -> {
                return CancelResult.NONE;
            }
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
        return state == State.SIGNALED || state == State.FAILED || state == State.CANCELED;
    }

    @Override
    public String describe() {
        return "SignalExternalWorkflowExecution(workflowId="
                + command.execution().workflowId() + ", signalName=" + command.signalName() + ")";
    }
}
