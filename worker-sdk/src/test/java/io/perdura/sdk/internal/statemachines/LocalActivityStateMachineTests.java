package io.perdura.sdk.internal.statemachines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perdura.common.command.Command;
import io.perdura.common.history.EventAttributes;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import io.perdura.common.model.Failure;
import io.perdura.common.model.RetryState;
import io.perdura.sdk.failure.ActivityFailure;
import io.perdura.sdk.failure.ApplicationFailure;
import io.perdura.sdk.failure.CanceledFailure;
import io.perdura.sdk.internal.statemachines.LocalActivityStateMachine.State;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class LocalActivityStateMachineTests {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @AfterAll
    static void everyDeclaredTransitionWasVisited() {
        assertThat(LocalActivityStateMachine.DEFINITION.unvisitedTransitions())
                .as("transitions of LocalActivity never visited")
                .isEmpty();
    }

    /** What the machine told the code. */
    private static final class Outcomes implements OutcomeListener {
        final List<Object> told = new ArrayList<>();

        @Override
        public void resolved(JsonNode result, RuntimeException failure) {
            told.add(failure != null ? failure : result);
        }

        Object only() {
            assertThat(told).hasSize(1);
            return told.getFirst();
        }
    }

    private static LocalActivityStateMachine machine(Outcomes outcomes) {
        return new LocalActivityStateMachine("1", "Charge", Json.array(5), true, 1, 0, outcomes);
    }

    private static HistoryEvent recorded(long id, Command.RecordMarker command) {
        return new HistoryEvent(
                id,
                T,
                new EventAttributes.MarkerRecorded(command.markerName(), command.details(), command.failure(), 4));
    }

    private static LocalActivityStateMachine executing(Outcomes outcomes) {
        LocalActivityStateMachine machine = machine(outcomes);
        machine.schedule(false);
        assertThat(machine.state()).isEqualTo(State.REQUEST_PREPARED);
        assertThat(machine.originalScheduledTimeMillis()).isPositive();
        machine.requestSent();
        assertThat(machine.state()).isEqualTo(State.EXECUTING);
        assertThat(machine.isPending()).isTrue();
        return machine;
    }

    @Test
    void aResultIsRecordedInAMarkerThatHistoryConfirms() {
        Outcomes outcomes = new Outcomes();
        LocalActivityStateMachine machine = executing(outcomes);

        machine.handleResult(Json.tree("ok"), null, null, 2, null, 1234);

        assertThat(machine.state()).isEqualTo(State.MARKER_COMMAND_CREATED);
        assertThat(outcomes.only()).isEqualTo(Json.tree("ok"));
        Command.RecordMarker command = machine.command();
        assertThat(command.markerName()).isEqualTo("LocalActivity");
        assertThat(command.failure()).isNull();
        assertThat(command.details().get("activityId").asString()).isEqualTo("1");
        assertThat(command.details().get("activityType").asString()).isEqualTo("Charge");
        assertThat(command.details().get("attempt").asInt()).isEqualTo(2);
        assertThat(command.details().get("time").asLong()).isEqualTo(1234);
        assertThat(command.details().get("input")).isEqualTo(Json.array(5));
        assertThat(command.details().get("result").asString()).isEqualTo("ok");
        HistoryEvent event = recorded(5, command);
        assertThat(machine.matches(event)).isTrue();
        machine.handleCommandEvent(event);
        assertThat(machine.state()).isEqualTo(State.RECORDED);
        assertThat(machine.isFinal()).isTrue();
    }

    @Test
    void aFailureIsRecordedAsAnActivityFailureWithTheAttemptsCause() {
        Outcomes outcomes = new Outcomes();
        LocalActivityStateMachine machine = executing(outcomes);
        Failure cause = Failure.application("Declined", "card declined", true);

        machine.handleResult(null, cause, RetryState.NON_RETRYABLE_FAILURE, 1, null, 1234);

        assertThat(outcomes.only()).isInstanceOfSatisfying(ActivityFailure.class, f -> {
            assertThat(f.getActivityType()).isEqualTo("Charge");
            assertThat(f.getActivityId()).isEqualTo("1");
            assertThat(f.getRetryState()).isEqualTo(RetryState.NON_RETRYABLE_FAILURE);
            assertThat(f.getCause())
                    .isInstanceOfSatisfying(
                            ApplicationFailure.class,
                            a -> assertThat(a.getType()).isEqualTo("Declined"));
        });
        assertThat(machine.backoff()).isNull();
        assertThat(machine.command().failure().kind()).isEqualTo(Failure.FailureKind.ACTIVITY);
        assertThat(machine.command().failure().cause()).isEqualTo(cause);
        assertThat(machine.command().details().has("result")).isFalse();
    }

    @Test
    void replayTakesTheOutcomeFromTheMarkerWithItsBackoff() {
        Outcomes fresh = new Outcomes();
        LocalActivityStateMachine original = executing(fresh);
        original.handleResult(
                null,
                Failure.application("Busy", "busy", false),
                RetryState.IN_PROGRESS,
                3,
                Duration.ofSeconds(30),
                1234);
        HistoryEvent marker = recorded(5, original.command());
        Outcomes replayed = new Outcomes();
        LocalActivityStateMachine machine = machine(replayed);

        machine.schedule(true);
        assertThat(machine.state()).isEqualTo(State.WAITING_MARKER);
        assertThat(machine.matches(marker)).isTrue();
        machine.markerFound(marker);

        assertThat(machine.state()).isEqualTo(State.MARKER_COMMAND_CREATED);
        assertThat(machine.attempt()).isEqualTo(3);
        assertThat(machine.backoff()).isEqualTo(Duration.ofSeconds(30));
        assertThat(machine.timeMillis()).isEqualTo(1234);
        assertThat(machine.originalScheduledTimeMillis()).isEqualTo(original.originalScheduledTimeMillis());
        assertThat(replayed.only())
                .isInstanceOfSatisfying(
                        ActivityFailure.class,
                        f -> assertThat(f.getRetryState()).isEqualTo(RetryState.IN_PROGRESS));
        assertThat(machine.command()).isEqualTo(original.command());
        machine.handleCommandEvent(marker);
        assertThat(machine.isFinal()).isTrue();
    }

    @Test
    void aReplayThatReachesTheNewTaskWithoutItsMarkerRunsItThen() {
        LocalActivityStateMachine machine = machine(new Outcomes());
        machine.schedule(true);
        assertThat(machine.originalScheduledTimeMillis()).isZero();

        machine.newTaskStarted();

        assertThat(machine.state()).isEqualTo(State.REQUEST_PREPARED);
        assertThat(machine.originalScheduledTimeMillis()).isPositive();
    }

    @Test
    void aMarkerOfAnotherActivityDoesNotMatch() {
        LocalActivityStateMachine machine = executing(new Outcomes());
        machine.handleResult(Json.tree("ok"), null, null, 1, null, 1);
        Command.RecordMarker command = machine.command();
        LocalActivityStateMachine other =
                new LocalActivityStateMachine("1", "Refund", Json.array(5), true, 1, 0, new Outcomes());
        LocalActivityStateMachine second =
                new LocalActivityStateMachine("2", "Charge", Json.array(5), true, 1, 0, new Outcomes());

        assertThat(other.matches(recorded(5, command))).isFalse();
        assertThat(second.matches(recorded(5, command))).isFalse();
        assertThat(machine.matches(new HistoryEvent(
                        5, T, new EventAttributes.MarkerRecorded("SideEffect", command.details(), null, 4))))
                .isFalse();
    }

    @Test
    void cancelingBeforeTheOutcomeFailsWithACanceledFailureAndRecordsNothing() {
        for (String stage : List.of("created", "prepared", "executing", "waiting")) {
            Outcomes outcomes = new Outcomes();
            LocalActivityStateMachine machine = machine(outcomes);
            switch (stage) {
                case "prepared" -> machine.schedule(false);
                case "executing" -> {
                    machine.schedule(false);
                    machine.requestSent();
                }
                case "waiting" -> machine.schedule(true);
                default -> {}
            }

            assertThat(machine.cancel("stop")).as(stage).isTrue();

            assertThat(machine.state()).as(stage).isEqualTo(State.CANCELED);
            assertThat(machine.isFinal()).isTrue();
            assertThat(machine.isPending()).isFalse();
            assertThat(outcomes.only())
                    .isInstanceOfSatisfying(
                            ActivityFailure.class,
                            f -> assertThat(f.getCause())
                                    .isInstanceOf(CanceledFailure.class)
                                    .hasMessage("stop"));
            assertThat(machine.cancel("again")).isFalse();
        }
    }

    @Test
    void cancelingOnceTheOutcomeIsKnownChangesNothing() {
        Outcomes outcomes = new Outcomes();
        LocalActivityStateMachine machine = executing(outcomes);
        machine.handleResult(Json.tree("ok"), null, null, 1, null, 1);

        assertThat(machine.cancel(null)).isFalse();

        assertThat(machine.state()).isEqualTo(State.MARKER_COMMAND_CREATED);
        assertThat(outcomes.only()).isEqualTo(Json.tree("ok"));
    }

    @Test
    void argumentsAreLeftOutOfTheMarkerWhenAsked() {
        LocalActivityStateMachine machine =
                new LocalActivityStateMachine("1", "Charge", Json.array(5), false, 1, 0, new Outcomes());
        machine.schedule(false);
        machine.requestSent();

        machine.handleResult(Json.tree("ok"), null, null, 1, null, 1);

        assertThat(machine.command().details().has("input")).isFalse();
        assertThat(machine.input()).isEqualTo(Json.array(5));
    }

    @Test
    void anUndeclaredTransitionIsRejected() {
        LocalActivityStateMachine machine = machine(new Outcomes());

        assertThatThrownBy(() -> machine.handleResult(Json.tree("ok"), null, null, 1, null, 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("LocalActivity: no transition from CREATED on RESULT");
        assertThatThrownBy(machine::newTaskStarted).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theMarkerIsDescribedLikeItsEvent() {
        LocalActivityStateMachine machine = executing(new Outcomes());
        machine.handleResult(Json.tree("ok"), null, null, 1, null, 1);

        assertThat(machine.describe())
                .isEqualTo("RecordMarker(markerName=LocalActivity, activityId=1, activityType=Charge)");
        assertThat(CommandStateMachine.describeEvent(recorded(5, machine.command())))
                .isEqualTo("MarkerRecorded(markerName=LocalActivity, activityId=1, activityType=Charge)");
    }
}
