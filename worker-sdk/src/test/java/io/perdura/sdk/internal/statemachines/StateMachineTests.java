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
import io.perdura.sdk.activity.ActivityCancellationType;
import io.perdura.sdk.failure.ActivityFailure;
import io.perdura.sdk.failure.ApplicationFailure;
import io.perdura.sdk.failure.CanceledFailure;
import io.perdura.sdk.failure.TimeoutFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

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

    /** Records what a machine tells the code. */
    private static final class Outcomes implements OutcomeListener {
        final List<Object> told = new ArrayList<>();

        @Override
        public void resolved(JsonNode result, RuntimeException failure) {
            told.add(failure != null ? failure : result == null ? "fired" : result);
        }

        Object only() {
            assertThat(told).hasSize(1);
            return told.getFirst();
        }
    }

    private static HistoryEvent event(long id, EventAttributes attributes) {
        return new HistoryEvent(id, T, attributes);
    }

    private static ActivityStateMachine scheduledActivity() {
        return scheduledActivity(ActivityCancellationType.TRY_CANCEL, new Outcomes());
    }

    private static ActivityStateMachine scheduledActivity(ActivityCancellationType type, Outcomes outcomes) {
        ActivityStateMachine machine = new ActivityStateMachine(
                new Command.ScheduleActivityTask(
                        "1", "Charge", "orders", Json.array(5), null, null, Duration.ofSeconds(5), null, null),
                type,
                outcomes);
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
        Outcomes outcomes = new Outcomes();
        ActivityStateMachine machine = scheduledActivity(ActivityCancellationType.TRY_CANCEL, outcomes);
        start(machine);
        machine.handleEvent(event(7, new EventAttributes.ActivityTaskCompleted(5, 6, Json.tree("ok"), "w")));

        assertThat(machine.state()).isEqualTo(ActivityStateMachine.State.COMPLETED);
        assertThat(machine.isFinal()).isTrue();
        assertThat(outcomes.only()).isEqualTo(Json.tree("ok"));
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
        Outcomes outcomes = new Outcomes();
        ActivityStateMachine machine = scheduledActivity(ActivityCancellationType.TRY_CANCEL, outcomes);
        start(machine);
        Failure failure = Failure.application("CardDeclined", "declined", true);
        machine.handleEvent(
                event(7, new EventAttributes.ActivityTaskFailed(5, 6, failure, RetryState.NON_RETRYABLE_FAILURE, "w")));

        assertThat(machine.state()).isEqualTo(ActivityStateMachine.State.FAILED);
        assertThat(outcomes.only()).isInstanceOfSatisfying(ActivityFailure.class, f -> {
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
        Outcomes notStartedOutcomes = new Outcomes();
        Outcomes startedOutcomes = new Outcomes();
        ActivityStateMachine notStarted = scheduledActivity(ActivityCancellationType.TRY_CANCEL, notStartedOutcomes);
        notStarted.handleEvent(event(
                6,
                new EventAttributes.ActivityTaskTimedOut(
                        5, 0, Failure.timeout(TimeoutType.SCHEDULE_TO_START), RetryState.TIMEOUT)));
        ActivityStateMachine started = scheduledActivity(ActivityCancellationType.TRY_CANCEL, startedOutcomes);
        start(started);
        started.handleEvent(event(7, new EventAttributes.ActivityTaskTimedOut(5, 6, null, null)));

        assertThat(notStarted.state()).isEqualTo(ActivityStateMachine.State.TIMED_OUT);
        assertThat(((ActivityFailure) notStartedOutcomes.only()).getCause())
                .isInstanceOfSatisfying(
                        TimeoutFailure.class,
                        t -> assertThat(t.getTimeoutType()).isEqualTo(TimeoutType.SCHEDULE_TO_START));
        assertThat(started.state()).isEqualTo(ActivityStateMachine.State.TIMED_OUT);
        assertThat(((ActivityFailure) startedOutcomes.only()).getRetryState()).isEqualTo(RetryState.TIMEOUT);
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
                new Command.ScheduleActivityTask("1", "Charge", "q", Json.array(), null, null, null, null, null),
                null,
                new Outcomes());

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
        Outcomes outcomes = new Outcomes();
        TimerStateMachine timer = startedTimer(outcomes);
        assertThat(outcomes.told).isEmpty();
        HistoryEvent fired = event(6, new EventAttributes.TimerFired("3", 5));
        assertThat(CommandStateMachine.initialEventIdOf(fired)).isEqualTo(timer.initialEventId());

        timer.handleEvent(fired);

        assertThat(timer.state()).isEqualTo(TimerStateMachine.State.FIRED);
        assertThat(outcomes.only()).isEqualTo("fired");
        assertThat(timer.cancel(null)).isEqualTo(CancelResult.NONE);
        assertThatThrownBy(() -> timer.handleEvent(fired)).isInstanceOf(IllegalStateException.class);
    }

    private static TimerStateMachine startedTimer(Outcomes outcomes) {
        TimerStateMachine timer = new TimerStateMachine(new Command.StartTimer("3", Duration.ofSeconds(2)), outcomes);
        HistoryEvent started = event(5, new EventAttributes.TimerStarted("3", Duration.ofSeconds(2), 4));
        assertThat(timer.matches(started)).isTrue();
        assertThat(timer.matches(event(5, new EventAttributes.TimerStarted("4", Duration.ofSeconds(2), 4))))
                .isFalse();
        timer.handleCommandEvent(started);
        assertThat(timer.state()).isEqualTo(TimerStateMachine.State.STARTED);
        return timer;
    }

    @Test
    void timerCanceledBeforeItsCommandWasSentIsDropped() {
        Outcomes outcomes = new Outcomes();
        TimerStateMachine timer = new TimerStateMachine(new Command.StartTimer("3", Duration.ofSeconds(2)), outcomes);

        assertThat(timer.cancel("not needed")).isEqualTo(CancelResult.DROP_COMMAND);

        assertThat(timer.state()).isEqualTo(TimerStateMachine.State.CANCELED);
        assertThat(timer.isFinal()).isTrue();
        assertThat(outcomes.only())
                .isInstanceOfSatisfying(
                        CanceledFailure.class, f -> assertThat(f.getMessage()).isEqualTo("not needed"));
    }

    @Test
    void startedTimerIsCanceledWithCancelTimerAndTimerCanceled() {
        Outcomes outcomes = new Outcomes();
        TimerStateMachine timer = startedTimer(outcomes);

        assertThat(timer.cancel(null)).isEqualTo(CancelResult.SEND_COMMAND);
        assertThat(timer.cancel(null)).isEqualTo(CancelResult.NONE);

        assertThat(timer.command()).isEqualTo(new Command.CancelTimer("3"));
        assertThat(timer.describe()).isEqualTo("CancelTimer(timerId=3)");
        assertThat(outcomes.only()).isInstanceOf(CanceledFailure.class);
        HistoryEvent canceled = event(9, new EventAttributes.TimerCanceled("3", 5, 8, null));
        assertThat(timer.matches(event(9, new EventAttributes.TimerStarted("3", Duration.ofSeconds(2), 8))))
                .isFalse();
        assertThat(timer.matches(canceled)).isTrue();
        timer.handleCommandEvent(canceled);
        assertThat(timer.state()).isEqualTo(TimerStateMachine.State.CANCELED);
        assertThat(outcomes.told).hasSize(1);
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
    void activityCanceledBeforeItsCommandWasSentIsDroppedWhateverItsCancellationType() {
        for (ActivityCancellationType type : ActivityCancellationType.values()) {
            Outcomes outcomes = new Outcomes();
            ActivityStateMachine machine = new ActivityStateMachine(
                    new Command.ScheduleActivityTask("1", "Charge", "q", Json.array(), null, null, null, null, null),
                    type,
                    outcomes);

            assertThat(machine.cancel(null)).isEqualTo(CancelResult.DROP_COMMAND);

            assertThat(machine.state()).isEqualTo(ActivityStateMachine.State.CANCELED);
            assertThat(outcomes.only()).isInstanceOfSatisfying(ActivityFailure.class, f -> {
                assertThat(f.getActivityType()).isEqualTo("Charge");
                assertThat(f.getCause()).isInstanceOf(CanceledFailure.class);
            });
        }
    }

    @Test
    void tryCancelSendsTheRequestAndFailsAtOnce() {
        Outcomes outcomes = new Outcomes();
        ActivityStateMachine machine = scheduledActivity(ActivityCancellationType.TRY_CANCEL, outcomes);

        assertThat(machine.cancel("stop")).isEqualTo(CancelResult.SEND_COMMAND);

        assertThat(machine.command()).isEqualTo(new Command.RequestCancelActivityTask(5));
        assertThat(machine.describe()).isEqualTo("RequestCancelActivityTask(scheduledEventId=5)");
        assertThat(outcomes.only()).isInstanceOfSatisfying(ActivityFailure.class, f -> {
            assertThat(f.getScheduledEventId()).isEqualTo(5);
            assertThat(f.getCause()).isInstanceOf(CanceledFailure.class).hasMessage("stop");
        });
        recordCancelRequest(machine);
        machine.handleEvent(event(9, new EventAttributes.ActivityTaskCanceled(null, 8, 5, 0, null)));
        assertThat(machine.state()).isEqualTo(ActivityStateMachine.State.CANCELED);
        assertThat(outcomes.told).hasSize(1);
    }

    private static void recordCancelRequest(ActivityStateMachine machine) {
        assertThat(machine.state()).isEqualTo(ActivityStateMachine.State.CANCEL_REQUESTED);
        assertThat(machine.cancel(null)).isEqualTo(CancelResult.NONE);
        HistoryEvent requested = event(8, new EventAttributes.ActivityTaskCancelRequested(5, 7));
        assertThat(machine.matches(event(8, new EventAttributes.ActivityTaskCancelRequested(6, 7))))
                .isFalse();
        assertThat(machine.matches(requested)).isTrue();
        machine.handleCommandEvent(requested);
        assertThat(machine.state()).isEqualTo(ActivityStateMachine.State.CANCEL_RECORDED);
        assertThat(machine.isFinal()).isFalse();
    }

    @Test
    void waitCancellationCompletedFailsOnlyOnceTheActivityIsCanceled() {
        Outcomes outcomes = new Outcomes();
        ActivityStateMachine machine =
                scheduledActivity(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED, outcomes);

        assertThat(machine.cancel(null)).isEqualTo(CancelResult.SEND_COMMAND);
        recordCancelRequest(machine);
        machine.handleEvent(event(9, new EventAttributes.ActivityTaskStarted(5, "w", "r", 1, null)));
        assertThat(outcomes.told).isEmpty();
        HistoryEvent canceled = event(10, new EventAttributes.ActivityTaskCanceled(null, 8, 5, 9, "w"));
        assertThat(CommandStateMachine.initialEventIdOf(canceled)).isEqualTo(machine.initialEventId());
        machine.handleEvent(canceled);

        assertThat(machine.state()).isEqualTo(ActivityStateMachine.State.CANCELED);
        assertThat(outcomes.only()).isInstanceOfSatisfying(ActivityFailure.class, f -> {
            assertThat(f.getStartedEventId()).isEqualTo(9);
            assertThat(f.getCause()).isInstanceOf(CanceledFailure.class);
        });
    }

    @Test
    void waitCancellationCompletedTakesTheOutcomeOfAnActivityThatFinishedAnyway() {
        Outcomes completedOutcomes = new Outcomes();
        ActivityStateMachine completed =
                scheduledActivity(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED, completedOutcomes);
        start(completed);
        assertThat(completed.cancel(null)).isEqualTo(CancelResult.SEND_COMMAND);
        recordCancelRequest(completed);
        completed.handleEvent(event(9, new EventAttributes.ActivityTaskCompleted(5, 6, Json.tree("done"), "w")));
        Outcomes failedOutcomes = new Outcomes();
        ActivityStateMachine failed =
                scheduledActivity(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED, failedOutcomes);
        failed.cancel(null);
        recordCancelRequest(failed);
        failed.handleEvent(event(
                9,
                new EventAttributes.ActivityTaskFailed(
                        5, 0, Failure.application("X", "x", true), RetryState.NON_RETRYABLE_FAILURE, "w")));
        Outcomes timedOutOutcomes = new Outcomes();
        ActivityStateMachine timedOut =
                scheduledActivity(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED, timedOutOutcomes);
        timedOut.cancel(null);
        recordCancelRequest(timedOut);
        timedOut.handleEvent(event(9, new EventAttributes.ActivityTaskTimedOut(5, 0, null, null)));

        assertThat(completed.state()).isEqualTo(ActivityStateMachine.State.COMPLETED);
        assertThat(completedOutcomes.only()).isEqualTo(Json.tree("done"));
        assertThat(failed.state()).isEqualTo(ActivityStateMachine.State.FAILED);
        assertThat(((ActivityFailure) failedOutcomes.only()).getCause()).isInstanceOf(ApplicationFailure.class);
        assertThat(timedOut.state()).isEqualTo(ActivityStateMachine.State.TIMED_OUT);
        assertThat(((ActivityFailure) timedOutOutcomes.only()).getCause()).isInstanceOf(TimeoutFailure.class);
    }

    @Test
    void abandonSendsNothingAndFailsAtOnce() {
        Outcomes outcomes = new Outcomes();
        ActivityStateMachine machine = scheduledActivity(ActivityCancellationType.ABANDON, outcomes);

        assertThat(machine.cancel(null)).isEqualTo(CancelResult.NONE);

        assertThat(machine.state()).isEqualTo(ActivityStateMachine.State.SCHEDULED);
        assertThat(outcomes.only()).isInstanceOf(ActivityFailure.class);
        machine.handleEvent(event(7, new EventAttributes.ActivityTaskCompleted(5, 0, Json.tree("late"), "w")));
        assertThat(machine.state()).isEqualTo(ActivityStateMachine.State.COMPLETED);
        assertThat(outcomes.told).hasSize(1);
        assertThat(machine.cancel(null)).isEqualTo(CancelResult.NONE);
    }

    @Test
    void startedActivityIsCanceledLikeAScheduledOne() {
        Outcomes outcomes = new Outcomes();
        ActivityStateMachine machine = scheduledActivity(ActivityCancellationType.TRY_CANCEL, outcomes);
        start(machine);

        assertThat(machine.cancel(null)).isEqualTo(CancelResult.SEND_COMMAND);

        assertThat(machine.state()).isEqualTo(ActivityStateMachine.State.CANCEL_REQUESTED);
        assertThat(outcomes.only()).isInstanceOf(ActivityFailure.class);
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

    @Test
    void cancelAndContinueAsNewMatchTheirClosingEvents() {
        CompletionStateMachine cancel = new CompletionStateMachine(new Command.CancelWorkflowExecution(null));
        CompletionStateMachine continued = new CompletionStateMachine(
                new Command.ContinueAsNewWorkflowExecution(null, null, Json.array(2), null, null, null, null, null));
        HistoryEvent canceled = event(9, new EventAttributes.WorkflowExecutionCanceled(null, 8));
        HistoryEvent continuedAsNew = event(
                9,
                new EventAttributes.WorkflowExecutionContinuedAsNew(
                        "run-2", "Counter", "q", Json.array(2), null, null, 8, null, null, null, null));

        assertThat(cancel.matches(continuedAsNew)).isFalse();
        assertThat(cancel.matches(canceled)).isTrue();
        assertThat(continued.matches(canceled)).isFalse();
        assertThat(continued.matches(continuedAsNew)).isTrue();
        continued.handleCommandEvent(continuedAsNew);
        assertThat(continued.isFinal()).isTrue();
    }
}
