package io.perdura.sdk.internal.replay;

import static io.perdura.sdk.internal.replay.ReplayTestSupport.history;
import static io.perdura.sdk.internal.replay.ReplayTestSupport.newRun;
import static io.perdura.sdk.internal.replay.ReplayTestSupport.prefix;
import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.common.command.Command;
import io.perdura.common.history.EventAttributes;
import io.perdura.common.history.EventAttributes.WorkflowTaskFailedCause;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import io.perdura.common.model.Failure.FailureKind;
import io.perdura.common.model.RetryState;
import io.perdura.common.model.TimeoutType;
import io.perdura.sdk.activity.LocalActivityOptions;
import io.perdura.sdk.internal.replay.LocalActivityWorkflows.ShopImpl;
import io.perdura.sdk.worker.WorkflowImplementationOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalActivityReplayTests {

    private final List<WorkflowRun> runs = new ArrayList<>();

    @AfterEach
    void destroyRuns() {
        runs.forEach(WorkflowRun::destroy);
    }

    private WorkflowRun run(Class<?> workflow, List<HistoryEvent> history) {
        WorkflowRun run = newRun(workflow, history);
        runs.add(run);
        return run;
    }

    private static List<Command> completed(WorkflowTaskResult result) {
        assertThat(result).isInstanceOf(WorkflowTaskResult.Completed.class);
        return ((WorkflowTaskResult.Completed) result).commands();
    }

    private static WorkflowTaskResult.Failed failed(WorkflowTaskResult result) {
        assertThat(result).isInstanceOf(WorkflowTaskResult.Failed.class);
        return (WorkflowTaskResult.Failed) result;
    }

    private static Command.RecordMarker marker(Command command) {
        assertThat(command).isInstanceOf(Command.RecordMarker.class);
        Command.RecordMarker marker = (Command.RecordMarker) command;
        assertThat(marker.markerName()).isEqualTo("LocalActivity");
        return marker;
    }

    @Test
    void threeLocalActivitiesInARowCompleteInOneWorkflowTask() {
        List<HistoryEvent> history = prefix(history("local-activities-in-one-task.json"), 3);
        int reservedBefore = ShopImpl.calls("reserve:book");

        List<Command> commands = completed(
                run(LocalActivityWorkflows.ThreeInARowImpl.class, history).processWorkflowTask(history));

        assertThat(commands).hasSize(4);
        String[][] expected = {
            {"1", "ShopReserve", "reserved book"},
            {"2", "ShopCharge", "charged book on attempt 1"},
            {"3", "ShopShip", "shipped book"}
        };
        for (int i = 0; i < 3; i++) {
            Command.RecordMarker marker = marker(commands.get(i));
            assertThat(marker.failure()).isNull();
            assertThat(marker.details().get("activityId").asString()).isEqualTo(expected[i][0]);
            assertThat(marker.details().get("activityType").asString()).isEqualTo(expected[i][1]);
            assertThat(marker.details().get("result").asString()).isEqualTo(expected[i][2]);
            assertThat(marker.details().get("attempt").asInt()).isEqualTo(1);
            assertThat(marker.details().get("input")).isEqualTo(Json.array("book"));
            assertThat(marker.details().get("time").asLong())
                    .isGreaterThanOrEqualTo(HistoryBuilder.T.plusMillis(100).toEpochMilli());
        }
        assertThat(commands.get(3))
                .isEqualTo(new Command.CompleteWorkflowExecution(
                        Json.tree("reserved book, charged book on attempt 1, shipped book")));
        assertThat(ShopImpl.calls("reserve:book")).isEqualTo(reservedBefore + 1);
    }

    @Test
    void replayReadsTheOutcomesFromTheMarkersAndNeverRunsTheActivities() {
        List<HistoryEvent> history = history("local-activities-in-one-task.json");
        int before = ShopImpl.calls("reserve:book") + ShopImpl.calls("charge:book") + ShopImpl.calls("ship:book");
        WorkflowRun run = run(LocalActivityWorkflows.ThreeInARowImpl.class, history);

        assertThat(run.replay(history)).isNull();

        assertThat(run.isClosed()).isTrue();
        assertThat(ShopImpl.calls("reserve:book") + ShopImpl.calls("charge:book") + ShopImpl.calls("ship:book"))
                .isEqualTo(before);
    }

    @Test
    void codeThatNoLongerCallsTheLocalActivityIsNonDeterministic() {
        List<HistoryEvent> history = history("local-activities-in-one-task.json");

        WorkflowTaskResult.Failed failed = run(LocalActivityWorkflows.ThreeInARowWithoutLocalActivities.class, history)
                .replay(history);

        assertThat(failed).isNotNull();
        assertThat(failed.cause()).isEqualTo(WorkflowTaskFailedCause.NON_DETERMINISTIC_ERROR);
        assertThat(failed.failure().message())
                .contains("history records MarkerRecorded(markerName=LocalActivity, activityId=1,"
                        + " activityType=ShopReserve) at eventId 5 but workflow code produced"
                        + " CompleteWorkflowExecution");
    }

    @Test
    void aFailingLocalActivityIsRetriedInsideTheTaskUntilItSucceeds() {
        HistoryBuilder builder = HistoryBuilder.started("Charge", "flaky-2");
        builder.startTask();
        List<HistoryEvent> history = builder.build();

        List<Command> commands = completed(
                run(LocalActivityWorkflows.RetriedLocallyImpl.class, history).processWorkflowTask(history));

        assertThat(commands).hasSize(2);
        Command.RecordMarker marker = marker(commands.get(0));
        assertThat(marker.failure()).isNull();
        assertThat(marker.details().get("attempt").asInt()).isEqualTo(3);
        assertThat(marker.details().get("result").asString()).isEqualTo("charged flaky-2 on attempt 3");
        assertThat(commands.get(1))
                .isEqualTo(new Command.CompleteWorkflowExecution(Json.tree("charged flaky-2 on attempt 3")));
        assertThat(ShopImpl.calls("charge:flaky-2")).isEqualTo(3);
    }

    @Test
    void aFinalFailureIsRecordedAndSurfacesAsAnActivityFailureOnEveryReplay() {
        HistoryBuilder builder = HistoryBuilder.started("Charge", "declined-once");
        builder.startTask();
        List<Command> first = completed(run(LocalActivityWorkflows.RetriedLocallyImpl.class, builder.build())
                .processWorkflowTask(builder.build()));

        assertThat(first).hasSize(2);
        Command.RecordMarker marker = marker(first.get(0));
        assertThat(marker.failure().kind()).isEqualTo(FailureKind.ACTIVITY);
        assertThat(marker.failure().activity().retryState()).isEqualTo(RetryState.NON_RETRYABLE_FAILURE);
        assertThat(marker.failure().activity().activityType()).isEqualTo("ShopCharge");
        assertThat(marker.failure().cause().type()).isEqualTo("CardDeclined");
        assertThat(marker.failure().cause().stackTrace()).contains("ShopImpl.charge");
        assertThat(marker.details().has("result")).isFalse();
        assertThat(first.get(1)).isInstanceOf(Command.StartTimer.class);

        long completedId = builder.add(new EventAttributes.WorkflowTaskCompleted(2, 3, "worker"));
        List<Long> ids = builder.record(first, completedId);
        builder.add(new EventAttributes.TimerFired("1", ids.get(1)));
        builder.startTask();
        int calls = ShopImpl.calls("charge:declined-once");

        List<Command> second = completed(run(LocalActivityWorkflows.RetriedLocallyImpl.class, builder.build())
                .processWorkflowTask(builder.build()));

        assertThat(second)
                .containsExactly(new Command.CompleteWorkflowExecution(
                        Json.tree("failed after NON_RETRYABLE_FAILURE: card declined")));
        assertThat(ShopImpl.calls("charge:declined-once")).isEqualTo(calls);
    }

    @Test
    void aRetryPastTheLocalRetryThresholdWaitsOnADurableTimer() {
        List<HistoryEvent> history = history("local-activity-retried-on-timer.json");

        List<Command> first = completed(run(LocalActivityWorkflows.RetriedOnTimerImpl.class, prefix(history, 3))
                .processWorkflowTask(prefix(history, 3)));

        assertThat(first).hasSize(2);
        Command.RecordMarker marker = marker(first.get(0));
        assertThat(marker.details().get("attempt").asInt()).isEqualTo(1);
        assertThat(marker.details().get("backoff").asString()).isEqualTo("2s");
        assertThat(marker.failure().activity().retryState()).isEqualTo(RetryState.IN_PROGRESS);
        assertThat(marker.failure().cause().message()).isEqualTo("card reader busy (attempt 1)");
        assertThat(first.get(1)).isEqualTo(new Command.StartTimer("1", Duration.ofSeconds(2)));

        int calls = ShopImpl.calls("charge:flaky-1");
        List<Command> second = completed(run(LocalActivityWorkflows.RetriedOnTimerImpl.class, prefix(history, 9))
                .processWorkflowTask(prefix(history, 9)));

        assertThat(second).hasSize(2);
        Command.RecordMarker retried = marker(second.get(0));
        assertThat(retried.details().get("activityId").asString()).isEqualTo("1");
        assertThat(retried.details().get("attempt").asInt()).isEqualTo(2);
        assertThat(retried.details().get("originalScheduledTime").asLong()).isEqualTo(1767225600104L);
        assertThat(second.get(1))
                .isEqualTo(new Command.CompleteWorkflowExecution(Json.tree("charged flaky-1 on attempt 2")));
        assertThat(ShopImpl.calls("charge:flaky-1")).as("only attempt 2 ran").isEqualTo(calls + 1);
    }

    @Test
    void asyncLocalActivitiesRunTogetherAndReplayInTheOrderTheirOutcomesCame() {
        HistoryBuilder builder = HistoryBuilder.started("FanOutLocal", List.of("x", "y", "z"));
        builder.startTask();

        List<Command> commands = completed(
                run(LocalActivityWorkflows.FanOutImpl.class, builder.build()).processWorkflowTask(builder.build()));

        assertThat(commands).hasSize(4);
        assertThat(commands.subList(0, 3).stream()
                        .map(c -> marker(c).details().get("activityId").asString()))
                .containsExactlyInAnyOrder("1", "2", "3");
        assertThat(commands.get(3))
                .isEqualTo(new Command.CompleteWorkflowExecution(Json.array("reserved x", "reserved y", "reserved z")));
        long completedId = builder.add(new EventAttributes.WorkflowTaskCompleted(2, 3, "worker"));
        builder.record(commands, completedId);
        assertThat(run(LocalActivityWorkflows.FanOutImpl.class, builder.build()).replay(builder.build()))
                .isNull();
    }

    @Test
    void aLocalActivityCalledInACanceledScopeIsNotRun() {
        HistoryBuilder builder = HistoryBuilder.started("CancelLocal", "before");
        builder.startTask();
        int calls = ShopImpl.calls("slow:3000");

        List<Command> commands = completed(
                run(LocalActivityWorkflows.CancelImpl.class, builder.build()).processWorkflowTask(builder.build()));

        assertThat(commands)
                .containsExactly(new Command.CompleteWorkflowExecution(Json.tree("CanceledFailure: not wanted")));
        assertThat(ShopImpl.calls("slow:3000")).isEqualTo(calls);
    }

    @Test
    void aRunningLocalActivityWhoseScopeIsCanceledHasItsResultDropped() {
        HistoryBuilder builder = HistoryBuilder.started("CancelLocal", "running");
        builder.startTask();
        long started = System.nanoTime();

        List<Command> commands = completed(
                run(LocalActivityWorkflows.CancelImpl.class, builder.build()).processWorkflowTask(builder.build()));

        assertThat(commands).hasSize(2);
        assertThat(marker(commands.get(0)).details().get("activityType").asString())
                .isEqualTo("ShopReserve");
        assertThat(commands.get(1))
                .isEqualTo(new Command.CompleteWorkflowExecution(Json.tree("CanceledFailure: too slow")));
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("the task does not wait for the 3 s activity it canceled")
                .isLessThan(Duration.ofMillis(2500));
        long completedId = builder.add(new EventAttributes.WorkflowTaskCompleted(2, 3, "worker"));
        builder.record(commands, completedId);
        assertThat(run(LocalActivityWorkflows.CancelImpl.class, builder.build()).replay(builder.build()))
                .isNull();
    }

    @Test
    void anAttemptPastItsStartToCloseTimeoutTimesOut() {
        HistoryBuilder builder = HistoryBuilder.started("SlowLocal", 2_000);
        builder.startTask();

        List<Command> commands = completed(
                run(LocalActivityWorkflows.TimesOutImpl.class, builder.build()).processWorkflowTask(builder.build()));

        assertThat(commands).hasSize(2);
        Command.RecordMarker marker = marker(commands.get(0));
        assertThat(marker.failure().cause().kind()).isEqualTo(FailureKind.TIMEOUT);
        assertThat(marker.failure().cause().timeoutType()).isEqualTo(TimeoutType.START_TO_CLOSE);
        assertThat(commands.get(1))
                .isEqualTo(new Command.CompleteWorkflowExecution(
                        Json.tree("timed out (START_TO_CLOSE) after attempt MAXIMUM_ATTEMPTS_REACHED")));
    }

    @Test
    void aLocalActivityLongerThanTheTaskEndsItWithAHeartbeatTimerAndIsRecordedInTheNextTask() {
        List<HistoryEvent> history = history("local-activity-heartbeat.json");
        int calls = ShopImpl.calls("slow:1200");
        WorkflowRun run = run(LocalActivityWorkflows.LongRunningImpl.class, history);

        List<Command> first = completed(run.processWorkflowTask(prefix(history, 3)));
        List<Command> second = completed(run.processWorkflowTask(prefix(history, 8)));

        assertThat(first).containsExactly(new Command.StartTimer("LocalActivityHeartbeat-1", Duration.ofMillis(1)));
        assertThat(second).hasSize(2);
        assertThat(marker(second.get(0)).details().get("result").asString()).isEqualTo("slept 1200");
        assertThat(second.get(1))
                .isEqualTo(new Command.CompleteWorkflowExecution(Json.tree("slept 1200 (workflow time moved true)")));
        assertThat(ShopImpl.calls("slow:1200")).isEqualTo(calls + 1);
    }

    @Test
    void theHeartbeatTimerIsReplayedAndTheMarkerOfTheNextTaskRead() {
        List<HistoryEvent> history = history("local-activity-heartbeat.json");
        int calls = ShopImpl.calls("slow:1200");

        assertThat(run(LocalActivityWorkflows.LongRunningImpl.class, history).replay(history))
                .isNull();
        assertThat(ShopImpl.calls("slow:1200")).isEqualTo(calls);
    }

    @Test
    void aReplayReachingTheNewTaskWithoutTheMarkerRunsTheLocalActivityAgain() {
        List<HistoryEvent> history = prefix(history("local-activity-heartbeat.json"), 8);
        int calls = ShopImpl.calls("slow:1200");

        List<Command> commands = completed(
                run(LocalActivityWorkflows.LongRunningImpl.class, history).processWorkflowTask(history));

        assertThat(commands).containsExactly(new Command.StartTimer("LocalActivityHeartbeat-2", Duration.ofMillis(1)));
        assertThat(ShopImpl.calls("slow:1200")).isEqualTo(calls + 1);
    }

    @Test
    void aLocalActivityTheWorkerDoesNotHaveFailsTheWorkflowTask() {
        HistoryBuilder builder = HistoryBuilder.started("Lost");
        builder.startTask();

        WorkflowTaskResult.Failed failed = failed(
                run(LocalActivityWorkflows.LostImpl.class, builder.build()).processWorkflowTask(builder.build()));

        assertThat(failed.cause()).isEqualTo(WorkflowTaskFailedCause.WORKFLOW_WORKER_UNHANDLED_FAILURE);
        assertThat(failed.failure().message()).contains("local activity type 'Go' is not registered");
    }

    @Test
    void withoutAWorkerLocalActivitiesFailTheWorkflowTask() {
        HistoryBuilder builder = HistoryBuilder.started("ThreeInARow", "pen");
        builder.startTask();
        WorkflowRun run = WorkflowRun.create(
                "default",
                WorkflowDefinition.forImplementation(LocalActivityWorkflows.ThreeInARowImpl.class),
                "wf-1",
                "run-1",
                builder.build(),
                Duration.ofSeconds(5));
        runs.add(run);

        WorkflowTaskResult.Failed failed = failed(run.processWorkflowTask(builder.build()));

        assertThat(failed.failure().message()).contains("local activities run only on a worker");
    }

    @Test
    void implementationOptionsGiveTheStubItsDefaultsAndEachActivityTypeItsOwn() {
        HistoryBuilder builder = HistoryBuilder.started("ThreeInARow", "cup");
        builder.startTask();
        WorkflowDefinition definition = WorkflowDefinition.forImplementation(
                        LocalActivityWorkflows.ThreeInARowDefaulted.class)
                .withImplementationOptions(WorkflowImplementationOptions.newBuilder()
                        .setDefaultLocalActivityOptions(LocalActivityOptions.newBuilder()
                                .setStartToCloseTimeout(Duration.ofSeconds(3))
                                .build())
                        .setLocalActivityOptions(Map.of(
                                "ShopCharge",
                                LocalActivityOptions.newBuilder()
                                        .setDoNotIncludeArgumentsIntoMarker(true)
                                        .build()))
                        .build());
        WorkflowRun run = newRun(definition, builder.build());
        runs.add(run);

        List<Command> commands = completed(run.processWorkflowTask(builder.build()));

        assertThat(commands).hasSize(4);
        assertThat(marker(commands.get(0)).details().get("input")).isEqualTo(Json.array("cup"));
        assertThat(marker(commands.get(1)).details().has("input")).isFalse();
        assertThat(marker(commands.get(2)).details().get("input")).isEqualTo(Json.array("cup"));
    }
}
