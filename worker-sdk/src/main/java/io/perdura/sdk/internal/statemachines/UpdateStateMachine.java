package io.perdura.sdk.internal.statemachines;

import io.perdura.common.command.Command;
import io.perdura.common.history.EventAttributes.WorkflowExecutionUpdateAccepted;
import io.perdura.common.history.EventAttributes.WorkflowExecutionUpdateCompleted;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.model.Failure;
import tools.jackson.databind.JsonNode;

/**
 * One workflow update (Temporal's Update protocol) as the workflow answers it: rejected
 * (RejectWorkflowUpdate, which history does not record), or accepted (AcceptWorkflowUpdate,
 * recorded as WorkflowExecutionUpdateAccepted) and then completed with its handler's result or
 * failure (CompleteWorkflowUpdate, recorded as WorkflowExecutionUpdateCompleted), in the same
 * workflow task or a later one. The two commands of an accepted update are two entries of the
 * task's commands ({@link #accept()}, {@link #complete}), which history confirms in that order.
 */
public final class UpdateStateMachine {

    /** States of an update. */
    public enum State {
        REQUESTED,
        REJECTED,
        ACCEPT_COMMAND_CREATED,
        ACCEPT_AND_COMPLETE_COMMANDS_CREATED,
        ACCEPTED,
        COMPLETE_COMMAND_CREATED,
        COMPLETED
    }

    /** Events that move an update. */
    public enum Event {
        REJECT,
        ACCEPT,
        COMPLETE,
        ACCEPTED_RECORDED,
        COMPLETED_RECORDED
    }

    public static final StateMachineDefinition<State, Event> DEFINITION = new StateMachineDefinition<State, Event>(
                    "Update", State.class)
            .add(State.REQUESTED, Event.REJECT, State.REJECTED)
            .add(State.REQUESTED, Event.ACCEPT, State.ACCEPT_COMMAND_CREATED)
            .add(State.ACCEPT_COMMAND_CREATED, Event.ACCEPTED_RECORDED, State.ACCEPTED)
            .add(State.ACCEPT_COMMAND_CREATED, Event.COMPLETE, State.ACCEPT_AND_COMPLETE_COMMANDS_CREATED)
            .add(State.ACCEPT_AND_COMPLETE_COMMANDS_CREATED, Event.ACCEPTED_RECORDED, State.COMPLETE_COMMAND_CREATED)
            .add(State.ACCEPTED, Event.COMPLETE, State.COMPLETE_COMMAND_CREATED)
            .add(State.COMPLETE_COMMAND_CREATED, Event.COMPLETED_RECORDED, State.COMPLETED);

    private final String updateId;
    private final String updateName;
    private State state = State.REQUESTED;

    public UpdateStateMachine(String updateId, String updateName) {
        this.updateId = updateId;
        this.updateName = updateName;
    }

    /** The validator threw (or nothing handles the update): the command that rejects it; history records nothing. */
    public Command.RejectWorkflowUpdate reject(Failure failure) {
        state = DEFINITION.next(state, Event.REJECT);
        return new Command.RejectWorkflowUpdate(updateId, failure);
    }

    /** The update is accepted: AcceptWorkflowUpdate, to be added to the task's commands before the handler runs. */
    public CommandStateMachine accept() {
        state = DEFINITION.next(state, Event.ACCEPT);
        return new AcceptCommand();
    }

    /** The handler returned {@code result} or threw {@code failure}: CompleteWorkflowUpdate, to be added after the accept. */
    public CommandStateMachine complete(JsonNode result, Failure failure) {
        state = DEFINITION.next(state, Event.COMPLETE);
        return new CompleteCommand(
                new Command.CompleteWorkflowUpdate(updateId, failure == null ? result : null, failure));
    }

    public State state() {
        return state;
    }

    public String updateId() {
        return updateId;
    }

    public String updateName() {
        return updateName;
    }

    /** Whether the update is answered for good: rejected, or completed as history recorded. */
    public boolean isFinal() {
        return state == State.REJECTED || state == State.COMPLETED;
    }

    /** AcceptWorkflowUpdate, confirmed by WorkflowExecutionUpdateAccepted. */
    private final class AcceptCommand extends CommandStateMachine {

        @Override
        public Command command() {
            return new Command.AcceptWorkflowUpdate(updateId);
        }

        @Override
        public boolean matches(HistoryEvent event) {
            return (state == State.ACCEPT_COMMAND_CREATED || state == State.ACCEPT_AND_COMPLETE_COMMANDS_CREATED)
                    && event.attributes() instanceof WorkflowExecutionUpdateAccepted a
                    && updateId.equals(a.protocolInstanceId())
                    && a.acceptedRequest() != null
                    && a.acceptedRequest().input() != null
                    && updateName.equals(a.acceptedRequest().input().name());
        }

        @Override
        public void handleCommandEvent(HistoryEvent event) {
            state = DEFINITION.next(state, Event.ACCEPTED_RECORDED);
        }

        @Override
        public boolean isFinal() {
            return state != State.ACCEPT_COMMAND_CREATED && state != State.ACCEPT_AND_COMPLETE_COMMANDS_CREATED;
        }

        @Override
        public String describe() {
            return "AcceptWorkflowUpdate(updateId=" + updateId + ", name=" + updateName + ")";
        }
    }

    /** CompleteWorkflowUpdate, confirmed by WorkflowExecutionUpdateCompleted. */
    private final class CompleteCommand extends CommandStateMachine {

        private final Command.CompleteWorkflowUpdate command;

        CompleteCommand(Command.CompleteWorkflowUpdate command) {
            this.command = command;
        }

        @Override
        public Command command() {
            return command;
        }

        @Override
        public boolean matches(HistoryEvent event) {
            return state == State.COMPLETE_COMMAND_CREATED
                    && event.attributes() instanceof WorkflowExecutionUpdateCompleted c
                    && c.meta() != null
                    && updateId.equals(c.meta().updateId());
        }

        @Override
        public void handleCommandEvent(HistoryEvent event) {
            state = DEFINITION.next(state, Event.COMPLETED_RECORDED);
        }

        @Override
        public boolean isFinal() {
            return state == State.COMPLETED;
        }

        @Override
        public String describe() {
            return "CompleteWorkflowUpdate(updateId=" + updateId + ")";
        }
    }
}
