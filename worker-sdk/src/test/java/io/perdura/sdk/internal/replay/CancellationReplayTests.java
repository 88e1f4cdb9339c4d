package io.perdura.sdk.internal.replay;

import static io.perdura.sdk.internal.replay.ReplayTestSupport.history;
import static io.perdura.sdk.internal.replay.ReplayTestSupport.newRun;
import static io.perdura.sdk.internal.replay.ReplayTestSupport.prefix;
import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.common.command.Command;
import io.perdura.common.history.EventAttributes;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import io.perdura.common.model.Failure.FailureKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CancellationReplayTests {

    private static final Duration HEARTBEAT = Duration.ofSeconds(5);

    private final List<WorkflowRun> runs = new ArrayList<>();

    @AfterEach
    void destroyRuns() {
        runs.forEach(WorkflowRun::destroy);
    }

    private List<Command> answer(Class<?> workflow, List<HistoryEvent> history) {
        WorkflowRun run = newRun(workflow, history);
        runs.add(run);
        WorkflowTaskResult result = run.processWorkflowTask(history);
        assertThat(result).isInstanceOf(WorkflowTaskResult.Completed.class);
        return ((WorkflowTaskResult.Completed) result).commands();
    }

    private static Command.ScheduleActivityTask charge(String id) {
        return new Command.ScheduleActivityTask(
                id, "OrderCharge", "samples", Json.array(10), null, null, Duration.ofMinutes(1), HEARTBEAT, null);
    }

    private static EventAttributes.ActivityTaskScheduled chargeScheduled(long workflowTaskCompletedEventId) {
        return new EventAttributes.ActivityTaskScheduled(
                "1",
                "OrderCharge",
                "samples",
                Json.array(10),
                null,
                null,
                Duration.ofMinutes(1),
                HEARTBEAT,
                null,
                workflowTaskCompletedEventId);
    }

    private static Command complete(String result) {
        return new Command.CompleteWorkflowExecution(Json.tree(result));
    }

    private static final Command SLEEP_1S = new Command.StartTimer("1", Duration.ofSeconds(1));

    @Test
    void aTimerCanceledInTheTaskThatStartedItIsNeverSent() {
        HistoryBuilder h = HistoryBuilder.started("Stoppable", "timer-now");
        h.startTask();

        assertThat(answer(CancellationWorkflows.StoppableImpl.class, h.build()))
                .containsExactly(complete("CanceledFailure true"));
    }

    @Test
    void aStartedTimerIsCanceledWithCancelTimerAndItsPromiseFails() {
        List<HistoryEvent> history = history("timer-canceled.json");

        assertThat(answer(CancellationWorkflows.StoppableImpl.class, prefix(history, 3)))
                .containsExactly(new Command.StartTimer("1", Duration.ofHours(1)));
        assertThat(answer(CancellationWorkflows.StoppableImpl.class, prefix(history, 8)))
                .containsExactly(new Command.CancelTimer("1"), complete("CanceledFailure true"));
    }

    @Test
    void anActivityCanceledInTheTaskThatScheduledItIsNeverSent() {
        HistoryBuilder firstTask = HistoryBuilder.started("Stoppable", "activity-now");
        firstTask.startTask();
        HistoryBuilder h = HistoryBuilder.started("Stoppable", "activity-now");
        long completed = h.completedTask();
        long timer = h.add(new EventAttributes.TimerStarted("1", Duration.ofSeconds(1), completed));
        h.add(new EventAttributes.TimerFired("1", timer));
        h.startTask();

        assertThat(answer(CancellationWorkflows.StoppableImpl.class, firstTask.build()))
                .containsExactly(SLEEP_1S);
        assertThat(answer(CancellationWorkflows.StoppableImpl.class, h.build()))
                .containsExactly(complete("ActivityFailure(CanceledFailure) true"));
    }

    @Test
    void tryCancelRequestsTheCancellationAndFailsTheCallAtOnce() {
        List<HistoryEvent> history = history("activity-cancel-tried.json");

        assertThat(answer(CancellationWorkflows.StoppableImpl.class, prefix(history, 3)))
                .containsExactly(charge("1"));
        assertThat(answer(CancellationWorkflows.StoppableImpl.class, prefix(history, 8)))
                .containsExactly(new Command.RequestCancelActivityTask(5), SLEEP_1S);
        assertThat(answer(CancellationWorkflows.StoppableImpl.class, prefix(history, 14)))
                .isEmpty();
    }

    @Test
    void waitCancellationCompletedWaitsForActivityTaskCanceled() {
        List<HistoryEvent> history = history("activity-cancel-waited.json");

        assertThat(answer(CancellationWorkflows.StoppableImpl.class, prefix(history, 8)))
                .containsExactly(new Command.RequestCancelActivityTask(5));
        assertThat(answer(CancellationWorkflows.StoppableImpl.class, prefix(history, 14)))
                .containsExactly(SLEEP_1S);
    }

    private static HistoryBuilder stoppedAfterCharging(String mode) {
        HistoryBuilder h = HistoryBuilder.started("Stoppable", mode);
        h.add(chargeScheduled(h.completedTask()));
        h.add(new EventAttributes.WorkflowExecutionSignaled("stop", Json.array(), "cli"));
        return h;
    }

    @Test
    void waitCancellationCompletedTakesTheResultOfAnActivityThatCompletedAnyway() {
        HistoryBuilder h = stoppedAfterCharging("WAIT_CANCELLATION_COMPLETED");
        long completed = h.completedTask();
        h.add(new EventAttributes.ActivityTaskCancelRequested(5, completed));
        h.activityCompleted(5, "charged");
        h.startTask();

        assertThat(answer(CancellationWorkflows.StoppableImpl.class, h.build())).containsExactly(SLEEP_1S);
    }

    @Test
    void abandonSendsNothingFailsAtOnceAndIgnoresTheLateOutcome() {
        HistoryBuilder cancelTask = stoppedAfterCharging("ABANDON");
        cancelTask.startTask();
        HistoryBuilder h = stoppedAfterCharging("ABANDON");
        long completed = h.completedTask();
        long timer = h.add(new EventAttributes.TimerStarted("1", Duration.ofSeconds(1), completed));
        h.activityCompleted(5, "charged late");
        h.add(new EventAttributes.TimerFired("1", timer));
        h.startTask();

        assertThat(answer(CancellationWorkflows.StoppableImpl.class, cancelTask.build()))
                .containsExactly(SLEEP_1S);
        assertThat(answer(CancellationWorkflows.StoppableImpl.class, h.build()))
                .containsExactly(complete("ActivityFailure(CanceledFailure) true"));
    }

    @Test
    void workflowCancellationRunsTheCleanupInADetachedScopeThenCancelsTheRun() {
        List<HistoryEvent> history = history("workflow-canceled-with-cleanup.json");

        assertThat(answer(CancellationWorkflows.OrderImpl.class, prefix(history, 8)))
                .containsExactly(
                        new Command.RequestCancelActivityTask(5),
                        new Command.ScheduleActivityTask(
                                "2",
                                "OrderRefund",
                                "samples",
                                Json.array(10),
                                null,
                                null,
                                Duration.ofMinutes(1),
                                HEARTBEAT,
                                null));
        assertThat(answer(CancellationWorkflows.OrderImpl.class, prefix(history, 14)))
                .isEmpty();
        assertThat(answer(CancellationWorkflows.OrderImpl.class, prefix(history, 19)))
                .containsExactly(new Command.CancelWorkflowExecution(null));
    }

    @Test
    void aWorkflowCanceledBeforeItsFirstTaskSchedulesNothingInItsCanceledScope() {
        HistoryBuilder h = HistoryBuilder.started("Order", 10);
        h.add(new EventAttributes.WorkflowExecutionCancelRequested("early", 0, null, null, "cli"));
        h.startTask();

        List<Command> commands = answer(CancellationWorkflows.OrderImpl.class, h.build());

        assertThat(commands).singleElement().isInstanceOfSatisfying(Command.ScheduleActivityTask.class, c -> {
            assertThat(c.activityType()).isEqualTo("OrderRefund");
            assertThat(c.activityId()).isEqualTo("2");
        });
    }

    private static HistoryBuilder stubbornAsleep(String mode) {
        HistoryBuilder h = HistoryBuilder.started("Stubborn", mode);
        long completed = h.completedTask();
        if (!mode.equals("await")) {
            h.add(new EventAttributes.TimerStarted("1", Duration.ofHours(1), completed));
        }
        h.add(new EventAttributes.WorkflowExecutionCancelRequested("stop it", 0, null, null, "cli"));
        h.startTask();
        return h;
    }

    @Test
    void aWorkflowThatSwallowsItsCancellationCompletes() {
        assertThat(answer(
                        CancellationWorkflows.StubbornImpl.class,
                        stubbornAsleep("swallow").build()))
                .containsExactly(new Command.CancelTimer("1"), complete("ignored stop it true"));
        assertThat(answer(
                        CancellationWorkflows.StubbornImpl.class,
                        stubbornAsleep("await").build()))
                .containsExactly(complete("ignored stop it true"));
    }

    @Test
    void aCanceledFailureEscapingWithoutACancellationRequestFailsTheWorkflow() {
        HistoryBuilder h = HistoryBuilder.started("Stubborn", "self");
        long completed = h.completedTask();
        h.add(new EventAttributes.TimerStarted("1", Duration.ofHours(1), completed));
        long timer = h.add(new EventAttributes.TimerStarted("2", Duration.ofSeconds(1), completed));
        h.add(new EventAttributes.TimerFired("2", timer));
        h.startTask();

        List<Command> commands = answer(CancellationWorkflows.StubbornImpl.class, h.build());

        assertThat(commands).hasSize(2);
        assertThat(commands.get(0)).isEqualTo(new Command.CancelTimer("1"));
        assertThat(commands.get(1)).isInstanceOfSatisfying(Command.FailWorkflowExecution.class, f -> {
            assertThat(f.failure().kind()).isEqualTo(FailureKind.CANCELED);
            assertThat(f.failure().message()).isEqualTo("changed my mind");
        });
    }

    @Test
    void aWorkflowCancellationDoesNotReachSignalHandlers() {
        HistoryBuilder h = HistoryBuilder.started("Patron");
        h.completedTask();
        h.add(new EventAttributes.WorkflowExecutionSignaled("work", Json.array(60), "cli"));
        long completed = h.completedTask();
        h.add(new EventAttributes.TimerStarted("1", Duration.ofSeconds(60), completed));
        h.add(new EventAttributes.WorkflowExecutionCancelRequested(null, 0, null, null, "cli"));
        h.startTask();

        assertThat(answer(CancellationWorkflows.PatronImpl.class, h.build()))
                .containsExactly(new Command.CancelWorkflowExecution(null));
    }

    @Test
    void cancelingAScopeReachesItsChildrenButNotDetachedScopes() {
        HistoryBuilder h = HistoryBuilder.started("Nested");
        long first = h.completedTask();
        long[] timers = new long[5];
        timers[1] = h.add(new EventAttributes.TimerStarted("1", Duration.ofSeconds(1), first));
        timers[2] = h.add(new EventAttributes.TimerStarted("2", Duration.ofSeconds(2), first));
        timers[3] = h.add(new EventAttributes.TimerStarted("3", Duration.ofSeconds(3), first));
        timers[4] = h.add(new EventAttributes.TimerStarted("4", Duration.ofMillis(500), first));
        h.add(new EventAttributes.TimerFired("4", timers[4]));
        List<HistoryEvent> cancelTask = new ArrayList<>(h.build());
        long second = h.completedTask();
        h.add(new EventAttributes.TimerCanceled("2", timers[2], second, null));
        h.add(new EventAttributes.TimerCanceled("1", timers[1], second, null));
        h.add(new EventAttributes.TimerFired("3", timers[3]));
        h.startTask();
        HistoryBuilder firstTask = HistoryBuilder.started("Nested");
        firstTask.startTask();
        HistoryBuilder cancel = HistoryBuilder.started("Nested");
        cancelTask.subList(1, cancelTask.size()).forEach(e -> cancel.add(e.attributes()));
        cancel.startTask();

        assertThat(answer(CancellationWorkflows.NestedImpl.class, firstTask.build()))
                .containsExactly(
                        new Command.StartTimer("1", Duration.ofSeconds(1)),
                        new Command.StartTimer("2", Duration.ofSeconds(2)),
                        new Command.StartTimer("3", Duration.ofSeconds(3)),
                        new Command.StartTimer("4", Duration.ofMillis(500)));
        assertThat(answer(CancellationWorkflows.NestedImpl.class, cancel.build()))
                .containsExactly(new Command.CancelTimer("2"), new Command.CancelTimer("1"));
        assertThat(answer(CancellationWorkflows.NestedImpl.class, h.build()))
                .containsExactly(new Command.CompleteWorkflowExecution(Json.tree(List.of(
                        "current is outer: true",
                        "cancellation requested: enough",
                        "CanceledFailure: enough",
                        "CanceledFailure: enough",
                        "fired",
                        "child true, detached false"))));
    }
}
