package io.perdura.sdk.internal.statemachines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perdura.common.command.Command;
import io.perdura.common.history.EventAttributes;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import io.perdura.common.model.Failure;
import io.perdura.common.model.UpdateInput;
import io.perdura.common.model.UpdateMeta;
import io.perdura.common.model.UpdateOutcome;
import io.perdura.common.model.UpdateRequest;
import io.perdura.sdk.internal.statemachines.UpdateStateMachine.State;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class UpdateStateMachineTests {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @AfterAll
    static void everyDeclaredTransitionWasVisited() {
        assertThat(UpdateStateMachine.DEFINITION.unvisitedTransitions())
                .as("transitions of Update never visited")
                .isEmpty();
    }

    private static HistoryEvent accepted(long id, String updateId, String name) {
        return new HistoryEvent(
                id,
                T,
                new EventAttributes.WorkflowExecutionUpdateAccepted(
                        updateId,
                        updateId + "/request",
                        id - 3,
                        new UpdateRequest(new UpdateMeta(updateId, "client"), new UpdateInput(name, Json.array(1)))));
    }

    private static HistoryEvent completed(long id, String updateId, long acceptedEventId) {
        return new HistoryEvent(
                id,
                T,
                new EventAttributes.WorkflowExecutionUpdateCompleted(
                        new UpdateMeta(updateId, "client"), acceptedEventId, UpdateOutcome.success(Json.tree(1))));
    }

    @Test
    void aRejectedUpdateSendsRejectWorkflowUpdateAndNothingElse() {
        UpdateStateMachine update = new UpdateStateMachine("u-1", "add");
        Failure failure = Failure.application("Invalid", "no", false);

        Command.RejectWorkflowUpdate reject = update.reject(failure);

        assertThat(reject).isEqualTo(new Command.RejectWorkflowUpdate("u-1", failure));
        assertThat(update.state()).isEqualTo(State.REJECTED);
        assertThat(update.isFinal()).isTrue();
        assertThatThrownBy(update::accept)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no transition from REJECTED on ACCEPT");
    }

    @Test
    void acceptedAndCompletedInOneTaskIsConfirmedAcceptFirst() {
        UpdateStateMachine update = new UpdateStateMachine("u-1", "add");
        CommandStateMachine accept = update.accept();
        CommandStateMachine complete = update.complete(Json.tree(3), null);
        assertThat(update.state()).isEqualTo(State.ACCEPT_AND_COMPLETE_COMMANDS_CREATED);
        assertThat(accept.command()).isEqualTo(new Command.AcceptWorkflowUpdate("u-1"));
        assertThat(complete.command()).isEqualTo(new Command.CompleteWorkflowUpdate("u-1", Json.tree(3), null));
        HistoryEvent acceptedEvent = accepted(8, "u-1", "add");
        HistoryEvent completedEvent = completed(9, "u-1", 8);
        assertThat(complete.matches(completedEvent))
                .as("the completion is recorded after the acceptance")
                .isFalse();

        assertThat(accept.matches(acceptedEvent)).isTrue();
        accept.handleCommandEvent(acceptedEvent);
        assertThat(update.state()).isEqualTo(State.COMPLETE_COMMAND_CREATED);
        assertThat(accept.isFinal()).isTrue();
        assertThat(complete.matches(completedEvent)).isTrue();
        complete.handleCommandEvent(completedEvent);

        assertThat(update.state()).isEqualTo(State.COMPLETED);
        assertThat(update.isFinal()).isTrue();
        assertThat(complete.isFinal()).isTrue();
    }

    @Test
    void acceptedNowAndCompletedWithAFailureInALaterTask() {
        UpdateStateMachine update = new UpdateStateMachine("u-1", "addChecked");
        CommandStateMachine accept = update.accept();
        accept.handleCommandEvent(accepted(8, "u-1", "addChecked"));
        assertThat(update.state()).isEqualTo(State.ACCEPTED);
        assertThat(update.isFinal()).isFalse();
        Failure failure = Failure.application("Refused", "cannot", false);

        CommandStateMachine complete = update.complete(Json.tree("ignored"), failure);

        assertThat(update.state()).isEqualTo(State.COMPLETE_COMMAND_CREATED);
        assertThat(complete.command())
                .as("a failed update carries no result")
                .isEqualTo(new Command.CompleteWorkflowUpdate("u-1", null, failure));
        assertThat(complete.isFinal()).isFalse();
        complete.handleCommandEvent(completed(15, "u-1", 8));
        assertThat(update.state()).isEqualTo(State.COMPLETED);
    }

    @Test
    void theCommandsMatchOnlyTheEventsOfTheirOwnUpdate() {
        UpdateStateMachine update = new UpdateStateMachine("u-1", "add");
        CommandStateMachine accept = update.accept();

        assertThat(accept.matches(accepted(8, "u-2", "add"))).isFalse();
        assertThat(accept.matches(accepted(8, "u-1", "subtract")))
                .as("the same id with another update name")
                .isFalse();
        assertThat(accept.matches(completed(8, "u-1", 7))).isFalse();
        assertThat(accept.describe()).isEqualTo("AcceptWorkflowUpdate(updateId=u-1, name=add)");
        assertThat(CommandStateMachine.describeEvent(accepted(8, "u-1", "add")))
                .isEqualTo("WorkflowExecutionUpdateAccepted(updateId=u-1, name=add)");
        accept.handleCommandEvent(accepted(8, "u-1", "add"));
        assertThat(accept.matches(accepted(8, "u-1", "add")))
                .as("recorded once")
                .isFalse();
        CommandStateMachine complete = update.complete(Json.tree(1), null);
        assertThat(complete.matches(completed(9, "u-2", 8))).isFalse();
        assertThat(complete.describe()).isEqualTo("CompleteWorkflowUpdate(updateId=u-1)");
        assertThat(CommandStateMachine.describeEvent(completed(9, "u-1", 8)))
                .isEqualTo("WorkflowExecutionUpdateCompleted(updateId=u-1)");
    }
}
