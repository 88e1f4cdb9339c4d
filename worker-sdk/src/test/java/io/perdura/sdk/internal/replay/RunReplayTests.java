package io.perdura.sdk.internal.replay;

import static io.perdura.sdk.internal.replay.ReplayTestSupport.history;
import static io.perdura.sdk.internal.replay.ReplayTestSupport.newRun;
import static io.perdura.sdk.internal.replay.ReplayTestSupport.prefix;
import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.common.command.Command;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import io.perdura.sdk.activity.ActivityOptions;
import io.perdura.sdk.common.RetryOptions;
import io.perdura.sdk.worker.WorkflowImplementationOptions;
import io.perdura.sdk.workflow.WorkflowInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunReplayTests {

    private WorkflowRun run;

    @AfterEach
    void destroyRun() {
        if (run != null) {
            run.destroy();
        }
    }

    private WorkflowTaskResult answer(WorkflowDefinition definition, List<HistoryEvent> history) {
        run = newRun(definition, history);
        return run.processWorkflowTask(history);
    }

    private List<Command> commands(WorkflowDefinition definition, List<HistoryEvent> history) {
        WorkflowTaskResult result = answer(definition, history);
        assertThat(result).isInstanceOf(WorkflowTaskResult.Completed.class);
        return ((WorkflowTaskResult.Completed) result).commands();
    }

    private static WorkflowDefinition counter() {
        return WorkflowDefinition.forImplementation(RunWorkflows.CounterImpl.class);
    }

    private static List<HistoryEvent> counting(int n, String how) {
        HistoryBuilder h = HistoryBuilder.started("Counter", n, how);
        h.startTask();
        return h.build();
    }

    @Test
    void continueAsNewSendsTheTerminalCommandAndNoCodeRunsAfterIt() {
        int before = RunWorkflows.CounterImpl.codeAfterContinueAsNew;

        List<Command> commands = commands(counter(), prefix(history("continued-as-new.json"), 3));

        assertThat(commands)
                .containsExactly(new Command.ContinueAsNewWorkflowExecution(
                        null,
                        "counters",
                        Json.array(2, "options"),
                        Duration.ofHours(1),
                        Duration.ofSeconds(20),
                        null,
                        RetryOptions.newBuilder().setMaximumAttempts(2).build().toRetryPolicy(),
                        Json.tree(Map.of("owner", "ops"))));
        assertThat(run.isClosed()).isTrue();
        assertThat(run.liveCoroutines()).isEqualTo(1);
        run.destroy();
        assertThat(run.liveCoroutines()).isZero();
        assertThat(RunWorkflows.CounterImpl.codeAfterContinueAsNew).isEqualTo(before);
    }

    @Test
    void continueAsNewWithoutOptionsKeepsEverythingButTheInput() {
        assertThat(commands(counter(), counting(1, "plain")))
                .containsExactly(new Command.ContinueAsNewWorkflowExecution(
                        null, null, Json.array(2, "plain"), null, null, null, null, null));
    }

    @Test
    void aContinueAsNewStubNamesItsWorkflowType() {
        assertThat(commands(counter(), counting(2, "stub")))
                .singleElement()
                .isInstanceOfSatisfying(Command.ContinueAsNewWorkflowExecution.class, c -> {
                    assertThat(c.workflowType()).isEqualTo("Counter");
                    assertThat(c.taskQueue()).isEqualTo("counters");
                    assertThat(c.input()).isEqualTo(Json.array(3, "stub"));
                });
    }

    @Test
    void theLastRunCompletes() {
        assertThat(commands(counter(), counting(3, "plain")))
                .containsExactly(new Command.CompleteWorkflowExecution(Json.tree("counted to 3 in run run-1")));
    }

    @Test
    void workflowInfoComesFromTheStartedEvent() {
        List<HistoryEvent> history = prefix(history("introspect-retried-child.json"), 3);

        List<Command> commands =
                commands(WorkflowDefinition.forImplementation(RunWorkflows.IntrospectImpl.class), history);

        WorkflowInfo info = run.info();
        assertThat(info.getNamespace()).isEqualTo("default");
        assertThat(info.getWorkflowId()).isEqualTo("wf-1");
        assertThat(info.getRunId()).isEqualTo("run-1");
        assertThat(info.getWorkflowType()).isEqualTo("Introspect");
        assertThat(info.getTaskQueue()).isEqualTo("samples");
        assertThat(info.getAttempt()).isEqualTo(2);
        assertThat(info.getContinuedExecutionRunId()).contains("run-1");
        assertThat(info.getFirstExecutionRunId()).isEqualTo("run-0");
        assertThat(info.getParentWorkflowId()).contains("parent-1");
        assertThat(info.getParentRunId()).contains("parent-run");
        assertThat(info.getCronSchedule()).isEqualTo("0 * * * *");
        assertThat(info.getWorkflowRunTimeout()).isEqualTo(Duration.ofHours(1));
        assertThat(info.getWorkflowExecutionTimeout()).isEqualTo(Duration.ofDays(1));
        long started = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
        assertThat(info.getRunStartedTimestampMillis()).isEqualTo(started);
        assertThat(commands)
                .containsExactly(new Command.CompleteWorkflowExecution(
                        Json.tree("2 run-1 run-0 parent-1/parent-run 0 * * * * PT1H PT24H " + started)));
    }

    @Test
    void aFirstRunIsItsOwnFirstRunAndHasNoParent() {
        HistoryBuilder h = HistoryBuilder.started("Introspect");
        h.startTask();

        commands(WorkflowDefinition.forImplementation(RunWorkflows.IntrospectImpl.class), h.build());

        assertThat(run.info().getAttempt()).isEqualTo(1);
        assertThat(run.info().getFirstExecutionRunId()).isEqualTo("run-1");
        assertThat(run.info().getContinuedExecutionRunId()).isEmpty();
        assertThat(run.info().getParentWorkflowId()).isEmpty();
        assertThat(run.info().getCronSchedule()).isNull();
    }

    @Test
    void activityOptionsComeFieldByFieldFromTheTypeTheStubAndTheDefaults() {
        WorkflowImplementationOptions options = WorkflowImplementationOptions.newBuilder()
                .setDefaultActivityOptions(ActivityOptions.newBuilder()
                        .setStartToCloseTimeout(Duration.ofSeconds(30))
                        .setHeartbeatTimeout(Duration.ofSeconds(10))
                        .setRetryOptions(
                                RetryOptions.newBuilder().setMaximumAttempts(2).build())
                        .build())
                .setActivityOptions(Map.of(
                        "OrderRefund",
                        ActivityOptions.newBuilder()
                                .setScheduleToCloseTimeout(Duration.ofMinutes(2))
                                .setTaskQueue("refunds")
                                .build()))
                .build();
        HistoryBuilder h = HistoryBuilder.started("Defaults");
        h.startTask();

        List<Command> commands = commands(
                WorkflowDefinition.forImplementation(RunWorkflows.DefaultsImpl.class)
                        .withImplementationOptions(options),
                h.build());

        var retry = RetryOptions.newBuilder().setMaximumAttempts(2).build().toRetryPolicy();
        Duration thirty = Duration.ofSeconds(30);
        assertThat(commands)
                .containsExactly(
                        new Command.ScheduleActivityTask(
                                "1",
                                "OrderCharge",
                                "samples",
                                Json.array(1),
                                null,
                                null,
                                thirty,
                                Duration.ofSeconds(10),
                                retry),
                        new Command.ScheduleActivityTask(
                                "2",
                                "OrderRefund",
                                "refunds",
                                Json.array(2),
                                Duration.ofMinutes(2),
                                null,
                                thirty,
                                Duration.ofSeconds(10),
                                retry),
                        new Command.ScheduleActivityTask(
                                "3",
                                "OrderCharge",
                                "samples",
                                Json.array(3),
                                null,
                                null,
                                thirty,
                                Duration.ofSeconds(3),
                                retry),
                        new Command.ScheduleActivityTask(
                                "4",
                                "OrderRefund",
                                "refunds",
                                Json.array(4),
                                Duration.ofMinutes(2),
                                null,
                                thirty,
                                Duration.ofSeconds(3),
                                retry));
    }

    @Test
    void aStubWithoutOptionsNeedsDefaultTimeouts() {
        HistoryBuilder h = HistoryBuilder.started("Defaults");
        h.startTask();

        WorkflowTaskResult result =
                answer(WorkflowDefinition.forImplementation(RunWorkflows.DefaultsImpl.class), h.build());

        assertThat(result)
                .isInstanceOfSatisfying(
                        WorkflowTaskResult.Failed.class,
                        f -> assertThat(f.failure().message())
                                .contains("need a startToCloseTimeout or a scheduleToCloseTimeout"));
    }
}
