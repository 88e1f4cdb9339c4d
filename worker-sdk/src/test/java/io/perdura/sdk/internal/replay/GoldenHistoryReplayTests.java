package io.perdura.sdk.internal.replay;

import static io.perdura.sdk.internal.replay.ReplayTestSupport.history;
import static io.perdura.sdk.internal.replay.ReplayTestSupport.newRun;
import static io.perdura.sdk.internal.replay.ReplayTestSupport.prefix;
import static io.perdura.sdk.internal.replay.ReplayTestSupport.withInput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perdura.common.command.Command;
import io.perdura.common.history.EventAttributes.WorkflowTaskFailedCause;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import io.perdura.common.model.Failure;
import io.perdura.common.model.Failure.FailureKind;
import io.perdura.common.model.RetryState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GoldenHistoryReplayTests {

    private WorkflowRun run;

    @AfterEach
    void destroyRun() {
        if (run != null) {
            run.destroy();
        }
    }

    @Test
    void firstTaskOfOneActivityWorkflowSchedulesTheActivity() {
        run = newRun(TestWorkflows.HelloImpl.class, prefix(history("hello-activity-completed.json"), 3));

        List<Command> commands =
                completed(run.processWorkflowTask(prefix(history("hello-activity-completed.json"), 3)));

        assertThat(commands).singleElement().isInstanceOfSatisfying(Command.ScheduleActivityTask.class, c -> {
            assertThat(c.activityId()).isEqualTo("1");
            assertThat(c.activityType()).isEqualTo("Compose");
            assertThat(c.taskQueue()).isEqualTo("samples");
            assertThat(c.input()).isEqualTo(Json.array("World"));
            assertThat(c.startToCloseTimeout()).isEqualTo(Duration.ofSeconds(10));
        });
    }

    @Test
    void oneActivityWorkflowReplaysToCompleteWorkflowExecution() {
        List<HistoryEvent> history = history("hello-activity-completed.json");
        run = newRun(TestWorkflows.HelloImpl.class, history);

        List<Command> commands = completed(run.processWorkflowTask(history));

        assertThat(commands).containsExactly(new Command.CompleteWorkflowExecution(Json.tree("Hello, World!")));
        assertThat(run.isClosed()).isTrue();
    }

    @Test
    void cachedRunAppliesOnlyTheNewEvents() {
        List<HistoryEvent> history = history("hello-activity-completed.json");
        run = newRun(TestWorkflows.HelloImpl.class, history);
        completed(run.processWorkflowTask(prefix(history, 3)));
        assertThat(run.liveCoroutines()).isEqualTo(1);

        List<Command> commands = completed(run.processWorkflowTask(history));

        assertThat(commands).containsExactly(new Command.CompleteWorkflowExecution(Json.tree("Hello, World!")));
    }

    @Test
    void cachedRunWhoseAnswerWasNotAcceptedIsStale() {
        List<HistoryEvent> history = history("reminder-timer-fired.json");
        run = newRun(TestWorkflows.ReminderImpl.class, history);
        completed(run.processWorkflowTask(prefix(history, 3)));
        completed(run.processWorkflowTask(prefix(history, 8)));

        // the task started at event 8 timed out: the cached state ran code that never counted
        assertThatThrownBy(() -> run.processWorkflowTask(history)).isInstanceOf(StaleRunException.class);
    }

    @Test
    void timerWorkflowSkipsTheTimedOutTaskAndUsesTheTimeOfTheTaskBeingAnswered() {
        List<HistoryEvent> history = history("reminder-timer-fired.json");
        run = newRun(TestWorkflows.ReminderImpl.class, history);

        List<Command> first =
                completed(newRun(TestWorkflows.ReminderImpl.class, history).processWorkflowTask(prefix(history, 3)));
        List<Command> last = completed(run.processWorkflowTask(history));

        assertThat(first).containsExactly(new Command.StartTimer("1", Duration.ofSeconds(5)));
        long answeredAt = Instant.parse("2026-01-01T00:00:16Z").toEpochMilli();
        assertThat(last)
                .containsExactly(
                        new Command.CompleteWorkflowExecution(Json.tree("Reminder: stretch at " + answeredAt)));
    }

    @Test
    void signalThenCompleteWithQueriesAnsweredOnTheWay() {
        List<HistoryEvent> history = history("approval-signaled.json");
        run = newRun(TestWorkflows.ApprovalImpl.class, history);

        assertThat(completed(run.processWorkflowTask(prefix(history, 3)))).isEmpty();
        assertThat(run.query(prefix(history, 4), "status", Json.array()).asString())
                .isEqualTo("WAITING");
        // the signal is recorded but no task ran the handler yet
        assertThat(run.query(history, "status", Json.array()).asString()).isEqualTo("WAITING");

        List<Command> commands = completed(run.processWorkflowTask(history));

        assertThat(commands).containsExactly(new Command.CompleteWorkflowExecution(Json.tree("approved by alice")));
        assertThat(run.query(history, "status", null).asString()).isEqualTo("APPROVED");
    }

    @Test
    void queryOnAFreshRunReplaysTheHistory() {
        List<HistoryEvent> history = history("approval-signaled.json");
        run = newRun(TestWorkflows.ApprovalImpl.class, history);

        assertThat(run.query(prefix(history, 4), "status", Json.array()).asString())
                .isEqualTo("WAITING");
        assertThatThrownBy(() -> run.query(prefix(history, 4), "nope", Json.array()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown query type 'nope'");
    }

    @Test
    void differentCommandThanHistoryIsNonDeterminism() {
        List<HistoryEvent> history = history("hello-activity-completed.json");
        run = newRun(TestWorkflows.HelloWithSleepFirst.class, history);

        WorkflowTaskResult.Failed failed = failed(run.processWorkflowTask(history));

        assertThat(failed.cause()).isEqualTo(WorkflowTaskFailedCause.NON_DETERMINISTIC_ERROR);
        assertThat(failed.failure().message())
                .contains("ActivityTaskScheduled(activityType=Compose, activityId=1) at eventId 5")
                .contains("StartTimer(timerId=1)");
    }

    @Test
    void commandMissingFromTheCodeIsNonDeterminism() {
        List<HistoryEvent> history = history("hello-activity-completed.json");
        run = newRun(TestWorkflows.HelloWithoutActivity.class, history);

        WorkflowTaskResult.Failed failed = failed(run.processWorkflowTask(history));

        assertThat(failed.cause()).isEqualTo(WorkflowTaskFailedCause.NON_DETERMINISTIC_ERROR);
        assertThat(failed.failure().message()).contains("Compose").contains("CompleteWorkflowExecution");
    }

    @Test
    void ordinaryExceptionFailsTheTaskNotTheRun() {
        List<HistoryEvent> history = history("first-task-only.json");
        run = newRun(TestWorkflows.BrokenImpl.class, history);

        WorkflowTaskResult.Failed failed = failed(run.processWorkflowTask(history));

        assertThat(failed.cause()).isEqualTo(WorkflowTaskFailedCause.WORKFLOW_WORKER_UNHANDLED_FAILURE);
        assertThat(failed.failure().type()).isEqualTo(IllegalStateException.class.getName());
        assertThat(failed.failure().message()).isEqualTo("bug in workflow code: boom");
        assertThat(run.isClosed()).isFalse();
    }

    @Test
    void applicationFailureFailsTheExecution() {
        List<HistoryEvent> history = withInput(history("first-task-only.json"), Json.array("app"));
        run = newRun(TestWorkflows.BrokenImpl.class, history);

        List<Command> commands = completed(run.processWorkflowTask(history));

        assertThat(commands).singleElement().isInstanceOfSatisfying(Command.FailWorkflowExecution.class, c -> {
            Failure failure = c.failure();
            assertThat(failure.kind()).isEqualTo(FailureKind.APPLICATION);
            assertThat(failure.type()).isEqualTo("InvalidInput");
            assertThat(failure.message()).isEqualTo("bad input: app");
            assertThat(failure.nonRetryable()).isTrue();
            assertThat(failure.details()).isEqualTo(Json.array("app"));
            assertThat(failure.stackTrace()).contains("BrokenImpl.run");
        });
    }

    @Test
    void activityFailureSurfacesWithTheOriginalTypeAsCause() {
        List<HistoryEvent> history = history("charge-activity-failed.json");
        run = newRun(TestWorkflows.CheckoutCatching.class, history);

        List<Command> commands = completed(run.processWorkflowTask(history));

        assertThat(commands)
                .containsExactly(new Command.CompleteWorkflowExecution(
                        Json.tree("failed PayCharge#1: CardDeclined: card declined")));
    }

    @Test
    void activityFailureLetThroughFailsTheExecutionWithTheCauseChain() {
        List<HistoryEvent> history = history("charge-activity-failed.json");
        run = newRun(TestWorkflows.CheckoutFailing.class, history);

        List<Command> commands = completed(run.processWorkflowTask(history));

        assertThat(commands).singleElement().isInstanceOfSatisfying(Command.FailWorkflowExecution.class, c -> {
            Failure failure = c.failure();
            assertThat(failure.kind()).isEqualTo(FailureKind.ACTIVITY);
            assertThat(failure.activity().activityType()).isEqualTo("PayCharge");
            assertThat(failure.activity().activityId()).isEqualTo("1");
            assertThat(failure.activity().scheduledEventId()).isEqualTo(5);
            assertThat(failure.activity().startedEventId()).isEqualTo(6);
            assertThat(failure.activity().retryState()).isEqualTo(RetryState.MAXIMUM_ATTEMPTS_REACHED);
            assertThat(failure.cause().kind()).isEqualTo(FailureKind.APPLICATION);
            assertThat(failure.cause().type()).isEqualTo("CardDeclined");
            assertThat(failure.cause().message()).isEqualTo("card declined");
        });
    }

    @Test
    void sideEffectReplaysItsRecordedValueWithoutRunningAgain() {
        List<HistoryEvent> history = history("side-effect-recorded.json");
        int callsBefore = TestWorkflows.LotteryImpl.CALLS.get();
        run = newRun(TestWorkflows.LotteryImpl.class, history);

        List<Command> commands = completed(run.processWorkflowTask(history));

        assertThat(commands).containsExactly(new Command.CompleteWorkflowExecution(Json.tree(42)));
        assertThat(TestWorkflows.LotteryImpl.CALLS.get()).isEqualTo(callsBefore);
    }

    @Test
    void sideEffectRunsOnceAndIsRecordedInAMarker() {
        List<HistoryEvent> history = prefix(history("side-effect-recorded.json"), 3);
        int callsBefore = TestWorkflows.LotteryImpl.CALLS.get();
        run = newRun(TestWorkflows.LotteryImpl.class, history);

        List<Command> commands = completed(run.processWorkflowTask(history));

        assertThat(TestWorkflows.LotteryImpl.CALLS.get()).isEqualTo(callsBefore + 1);
        assertThat(commands).hasSize(2);
        assertThat(commands.get(0)).isInstanceOfSatisfying(Command.RecordMarker.class, m -> {
            assertThat(m.markerName()).isEqualTo("SideEffect");
            assertThat(m.details().get("data").asInt()).isEqualTo(100 + callsBefore + 1);
        });
        assertThat(commands.get(1)).isEqualTo(new Command.StartTimer("1", Duration.ofSeconds(1)));
    }

    @Test
    void versionedChangeReplaysHistoryWrittenBeforeTheChange() {
        List<HistoryEvent> history = history("hello-activity-completed.json");
        run = newRun(TestWorkflows.HelloVersioned.class, history);

        List<Command> commands = completed(run.processWorkflowTask(history));

        assertThat(commands).containsExactly(new Command.CompleteWorkflowExecution(Json.tree("Hello, World!")));
    }

    @Test
    void versionedChangeIsRecordedForNewRunsAndReadBackOnReplay() {
        List<HistoryEvent> history = history("hello-versioned.json");
        WorkflowRun fresh = newRun(TestWorkflows.HelloVersioned.class, prefix(history, 3));
        List<Command> first = completed(fresh.processWorkflowTask(prefix(history, 3)));
        fresh.destroy();
        run = newRun(TestWorkflows.HelloVersioned.class, history);

        List<Command> later = completed(run.processWorkflowTask(history));

        assertThat(first).hasSize(2);
        assertThat(first.get(0)).isInstanceOfSatisfying(Command.RecordMarker.class, m -> {
            assertThat(m.markerName()).isEqualTo("Version");
            assertThat(m.details().get("changeId").asString()).isEqualTo("polite-pause");
            assertThat(m.details().get("version").asInt()).isEqualTo(1);
        });
        assertThat(first.get(1)).isEqualTo(new Command.StartTimer("1", Duration.ofSeconds(1)));
        assertThat(later)
                .singleElement()
                .isInstanceOfSatisfying(
                        Command.ScheduleActivityTask.class,
                        c -> assertThat(c.activityType()).isEqualTo("Compose"));
    }

    @Test
    void removingAVersionedChangeFromCodeIsNonDeterminism() {
        List<HistoryEvent> history = history("hello-versioned.json");
        run = newRun(TestWorkflows.HelloImpl.class, history);

        WorkflowTaskResult.Failed failed = failed(run.processWorkflowTask(history));

        assertThat(failed.cause()).isEqualTo(WorkflowTaskFailedCause.NON_DETERMINISTIC_ERROR);
        assertThat(failed.failure().message()).contains("MarkerRecorded(markerName=Version, changeId=polite-pause)");
    }

    private static List<Command> completed(WorkflowTaskResult result) {
        assertThat(result).isInstanceOf(WorkflowTaskResult.Completed.class);
        return ((WorkflowTaskResult.Completed) result).commands();
    }

    private static WorkflowTaskResult.Failed failed(WorkflowTaskResult result) {
        assertThat(result).isInstanceOf(WorkflowTaskResult.Failed.class);
        return (WorkflowTaskResult.Failed) result;
    }
}
