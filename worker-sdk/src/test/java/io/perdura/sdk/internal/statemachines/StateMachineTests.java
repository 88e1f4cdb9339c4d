package io.perdura.sdk.internal.statemachines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perdura.common.command.Command;
import io.perdura.common.history.EventAttributes;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import io.perdura.common.model.Failure;
import io.perdura.common.model.RetryState;
import io.perdura.common.model.TimeoutType;
import io.perdura.sdk.failure.ActivityFailure;
import io.perdura.sdk.failure.ApplicationFailure;
import io.perdura.sdk.failure.TimeoutFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class StateMachineTests {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @AfterAll
    static void everyDeclaredTransitionWasVisited() {
        for (StateMachineDefinition<?, ?> definition : List.of(
                ActivityStateMachine.DEFINITION,
                TimerStateMachine.DEFINITION,
                SideEffectStateMachine.DEFINITION,
                VersionStateMachine.DEFINITION,
                CompletionStateMachine.DEFINITION)) {
            assertThat(definition.unvisitedTransitions())
                    .as("transitions of %s never visited", definition.name())
                    .isEmpty();
        }
    }

    private static HistoryEvent event(long id, EventAttributes attributes) {
        return new HistoryEvent(id, T, attributes);
    }

    private static ActivityStateMachine scheduledActivity() {
        ActivityStateMachine machine = new ActivityStateMachine(new Command.ScheduleActivityTask(
                "1", "Charge", "orders", Json.array(5), null, null, Duration.ofSeconds(5), null, null));
        HistoryEvent scheduled = event(
                5,
                new EventAttributes.ActivityTaskScheduled(
                        "1", "Charge", "orders", Json.array(5), null, null, null, null, null, 4));
        assertThat(machine.matches(scheduled)).isTrue();
        machine.handleCommandEvent(scheduled);
        assertThat(machine.state()).isEqualTo(ActivityStateMachine.State.SCHEDULED);
        return machine;
    }

    private static void start(ActivityStateMachine machine) {
        machine.handleEvent(event(6, new EventAttributes.ActivityTaskStarted(5, "w", "r", 1, null)));
        assertThat(machine.state()).isEqualTo(ActivityStateMachine.State.STARTED);
    }

    @Test
    void activityCompletesAfterStarting() {
        ActivityStateMachine machine = scheduledActivity();
        start(machine);
        machine.handleEvent(event(7, new EventAttributes.ActivityTaskCompleted(5, 6, Json.tree("ok"), "w")));

        assertThat(machine.state()).isEqualTo(ActivityStateMachine.State.COMPLETED);
        assertThat(machine.isResolved()).isTrue();
        assertThat(machine.result().asString()).isEqualTo("ok");
        assertThat(machine.scheduledEventId()).isEqualTo(5);
    }

    @Test
    void activityCompletesWithoutAStartedEvent() {
        ActivityStateMachine machine = scheduledActivity();
        machine.handleEvent(event(6, new EventAttributes.ActivityTaskCompleted(5, 0, Json.tree(1), "w")));

        assertThat(machine.state()).isEqualTo(ActivityStateMachine.State.COMPLETED);
    }

    @Test
    void activityFailureCarriesTheOriginalTypeAndMessage() {
        ActivityStateMachine machine = scheduledActivity();
        start(machine);
        Failure failure = Failure.application("CardDeclined", "declined", true);
        machine.handleEvent(
                event(7, new EventAttributes.ActivityTaskFailed(5, 6, failure, RetryState.NON_RETRYABLE_FAILURE, "w")));

        assertThat(machine.state()).isEqualTo(ActivityStateMachine.State.FAILED);
        assertThat(machine.failure()).isInstanceOfSatisfying(ActivityFailure.class, f -> {
            assertThat(f.getActivityType()).isEqualTo("Charge");
            assertThat(f.getRetryState()).isEqualTo(RetryState.NON_RETRYABLE_FAILURE);
            assertThat(f.getCause()).isInstanceOfSatisfying(ApplicationFailure.class, c -> {
                assertThat(c.getType()).isEqualTo("CardDeclined");
                assertThat(c.getMessage()).isEqualTo("declined");
                assertThat(c.isNonRetryable()).isTrue();
            });
        });
    }

    @Test
    void activityFailsWithoutAStartedEvent() {
        ActivityStateMachine machine = scheduledActivity();
        machine.handleEvent(event(
                6,
                new EventAttributes.ActivityTaskFailed(
                        5, 0, Failure.application("X", "x", false), RetryState.MAXIMUM_ATTEMPTS_REACHED, "w")));

        assertThat(machine.state()).isEqualTo(ActivityStateMachine.State.FAILED);
    }

    @Test
    void activityTimesOutBeforeOrAfterStarting() {
        ActivityStateMachine notStarted = scheduledActivity();
        notStarted.handleEvent(event(
                6,
                new EventAttributes.ActivityTaskTimedOut(
                        5, 0, Failure.timeout(TimeoutType.SCHEDULE_TO_START), RetryState.TIMEOUT)));
        ActivityStateMachine started = scheduledActivity();
        start(started);
        started.handleEvent(event(7, new EventAttributes.ActivityTaskTimedOut(5, 6, null, null)));

        assertThat(notStarted.state()).isEqualTo(ActivityStateMachine.State.TIMED_OUT);
        assertThat(notStarted.failure().getCause())
                .isInstanceOfSatisfying(
                        TimeoutFailure.class,
                        t -> assertThat(t.getTimeoutType()).isEqualTo(TimeoutType.SCHEDULE_TO_START));
        assertThat(started.state()).isEqualTo(ActivityStateMachine.State.TIMED_OUT);
        assertThat(((ActivityFailure) started.failure()).getRetryState()).isEqualTo(RetryState.TIMEOUT);
    }

    @Test
    void undeclaredTransitionIsRejected() {
        ActivityStateMachine machine = scheduledActivity();

        assertThatThrownBy(() -> machine.handleCommandEvent(event(9, null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no transition from SCHEDULED on SCHEDULED");
    }

    @Test
    void activityMatchesOnlyItsOwnScheduledEvent() {
        ActivityStateMachine machine = new ActivityStateMachine(
                new Command.ScheduleActivityTask("1", "Charge", "q", Json.array(), null, null, null, null, null));

        assertThat(machine.matches(event(
                        5,
                        new EventAttributes.ActivityTaskScheduled(
                                "1", "Refund", "q", Json.array(), null, null, null, null, null, 4))))
                .isFalse();
        assertThat(machine.matches(event(5, new EventAttributes.TimerStarted("1", Duration.ofSeconds(1), 4))))
                .isFalse();
    }

    @Test
    void timerStartsAndFires() {
        TimerStateMachine timer = new TimerStateMachine(new Command.StartTimer("3", Duration.ofSeconds(2)));
        HistoryEvent started = event(5, new EventAttributes.TimerStarted("3", Duration.ofSeconds(2), 4));
        assertThat(timer.matches(started)).isTrue();
        assertThat(timer.matches(event(5, new EventAttributes.TimerStarted("4", Duration.ofSeconds(2), 4))))
                .isFalse();

        timer.handleCommandEvent(started);
        assertThat(timer.isFired()).isFalse();
        timer.handleFired();

        assertThat(timer.state()).isEqualTo(TimerStateMachine.State.FIRED);
        assertThatThrownBy(timer::handleFired).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void sideEffectTakesItsValueFromTheMarkerOnReplay() {
        SideEffectStateMachine replayed = new SideEffectStateMachine(1);
        HistoryEvent marker = event(
                5,
                new EventAttributes.MarkerRecorded(
                        "SideEffect",
                        Json.read("{\"id\":1,\"data\":7}", tools.jackson.databind.JsonNode.class),
                        null,
                        4));
        assertThat(replayed.matches(marker)).isTrue();

        replayed.handleCommandEvent(marker);

        assertThat(replayed.state()).isEqualTo(SideEffectStateMachine.State.RECORDED);
        assertThat(replayed.value().asInt()).isEqualTo(7);
        assertThat(new SideEffectStateMachine(2, Json.tree("v"))
                        .command()
                        .details()
                        .get("data")
                        .asString())
                .isEqualTo("v");
    }

    @Test
    void versionIsReadFromTheMarkerOfItsChange() {
        VersionStateMachine replayed = new VersionStateMachine("fix-1");
        HistoryEvent marker = event(
                5,
                new EventAttributes.MarkerRecorded(
                        "Version",
                        Json.read("{\"changeId\":\"fix-1\",\"version\":2}", tools.jackson.databind.JsonNode.class),
                        null,
                        4));
        HistoryEvent otherChange = event(
                5,
                new EventAttributes.MarkerRecorded(
                        "Version",
                        Json.read("{\"changeId\":\"fix-2\",\"version\":2}", tools.jackson.databind.JsonNode.class),
                        null,
                        4));
        assertThat(replayed.matches(otherChange)).isFalse();
        assertThat(new SideEffectStateMachine(1).matches(marker)).isFalse();

        replayed.handleCommandEvent(marker);

        assertThat(replayed.state()).isEqualTo(VersionStateMachine.State.RECORDED);
        assertThat(replayed.version()).isEqualTo(2);
        assertThat(new VersionStateMachine("fix-1", 3)
                        .command()
                        .details()
                        .get("version")
                        .asInt())
                .isEqualTo(3);
    }

    @Test
    void completionMatchesTheClosingEventOfItsKind() {
        CompletionStateMachine complete =
                new CompletionStateMachine(new Command.CompleteWorkflowExecution(Json.tree("done")));
        CompletionStateMachine fail =
                new CompletionStateMachine(new Command.FailWorkflowExecution(Failure.application("T", "m", false)));
        HistoryEvent completed = event(9, new EventAttributes.WorkflowExecutionCompleted(Json.tree("done"), 8));

        assertThat(fail.matches(completed)).isFalse();
        assertThat(complete.matches(completed)).isTrue();
        complete.handleCommandEvent(completed);

        assertThat(complete.state()).isEqualTo(CompletionStateMachine.State.CLOSED);
        assertThatThrownBy(() -> new CompletionStateMachine(new Command.StartTimer("1", Duration.ofSeconds(1))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
