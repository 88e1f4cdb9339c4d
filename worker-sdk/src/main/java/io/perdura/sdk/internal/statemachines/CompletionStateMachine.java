package io.perdura.sdk.internal.statemachines;

import io.perdura.common.command.Command;
import io.perdura.common.history.EventType;
import io.perdura.common.history.HistoryEvent;

/**
 * The end of the run: CompleteWorkflowExecution, FailWorkflowExecution, CancelWorkflowExecution or
 * ContinueAsNewWorkflowExecution, and the event that closes it.
 */
public final class CompletionStateMachine extends CommandStateMachine {

    /** States of a run's completion. */
    public enum State {
        CREATED,
        CLOSED
    }

    /** Events that move a completion. */
    public enum Event {
        CLOSE_RECORDED
    }

    public static final StateMachineDefinition<State, Event> DEFINITION = new StateMachineDefinition<State, Event>(
                    "Completion", State.class)
            .add(State.CREATED, Event.CLOSE_RECORDED, State.CLOSED);

    private final Command command;
    private State state = State.CREATED;

    public CompletionStateMachine(Command command) {
        if (!command.isTerminal()) {
            throw new IllegalArgumentException("not a terminal command: " + command.commandType());
        }
        this.command = command;
    }

    @Override
    public Command command() {
        return command;
    }

    @Override
    public boolean matches(HistoryEvent event) {
        return switch (command) {
            case Command.CompleteWorkflowExecution c -> event.eventType() == EventType.WorkflowExecutionCompleted;
            case Command.FailWorkflowExecution f -> event.eventType() == EventType.WorkflowExecutionFailed;
            case Command.CancelWorkflowExecution c -> event.eventType() == EventType.WorkflowExecutionCanceled;
            case Command.ContinueAsNewWorkflowExecution c ->
                event.eventType() == EventType.WorkflowExecutionContinuedAsNew;
            default -> false;
        };
    }

    @Override
    public void handleCommandEvent(HistoryEvent event) {
        state = DEFINITION.next(state, Event.CLOSE_RECORDED);
    }

    public State state() {
        return state;
    }

    @Override
    public boolean isFinal() {
        return state == State.CLOSED;
    }

    @Override
    public String describe() {
        return command.commandType().name();
    }
}
