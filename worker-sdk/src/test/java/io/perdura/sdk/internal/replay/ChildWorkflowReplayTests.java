package io.perdura.sdk.internal.replay;

import static io.perdura.sdk.internal.replay.ReplayTestSupport.history;
import static io.perdura.sdk.internal.replay.ReplayTestSupport.newRun;
import static io.perdura.sdk.internal.replay.ReplayTestSupport.prefix;
import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.common.command.Command;
import io.perdura.common.history.EventAttributes;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import io.perdura.common.model.ExternalWorkflowFailedCause;
import io.perdura.common.model.Failure;
import io.perdura.common.model.Failure.FailureKind;
import io.perdura.common.model.ParentClosePolicy;
import io.perdura.common.model.RetryState;
import io.perdura.common.model.WorkflowExecution;
import io.perdura.sdk.failure.ApplicationFailure;
import io.perdura.sdk.failure.ChildWorkflowFailure;
import io.perdura.sdk.internal.common.FailureConverter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Child workflows, and signals and cancel requests to other workflows, replayed and answered afresh. */
class ChildWorkflowReplayTests {

    private final List<WorkflowRun> runs = new ArrayList<>();
    private List<Long> recordedIds = List.of();

    @AfterEach
    void destroyRuns() {
        runs.forEach(WorkflowRun::destroy);
    }

    private WorkflowTaskResult answerTask(Class<?> workflow, List<HistoryEvent> history) {
        WorkflowRun run = newRun(workflow, history);
        runs.add(run);
        return run.processWorkflowTask(history);
    }

    private List<Command> answer(Class<?> workflow, List<HistoryEvent> history) {
        WorkflowTaskResult result = answerTask(workflow, history);
        assertThat(result).isInstanceOf(WorkflowTaskResult.Completed.class);
        return ((WorkflowTaskResult.Completed) result).commands();
    }

    /** Starts a task, answers it with a fresh run, and records its commands the way the server does. */
    private List<Command> step(Class<?> workflow, HistoryBuilder h) {
        long started = h.startTask();
        List<Command> commands = answer(workflow, h.build());
        long completed = h.add(new EventAttributes.WorkflowTaskCompleted(started - 1, started, "worker"));
        recordedIds = h.record(commands, completed);
        return commands;
    }

    private static Command.StartChildWorkflowExecution greeter(String workflowId, String name) {
        return new Command.StartChildWorkflowExecution(
                null, workflowId, "Greeter", null, Json.array(name), null, null, null, null, null, null, null, null);
    }

    private static Command.RequestCancelExternalWorkflowExecution cancelChild(String reason) {
        return new Command.RequestCancelExternalWorkflowExecution(
                null, new WorkflowExecution("greeter-1", null), true, reason);
    }

    private static Command complete(String result) {
        return new Command.CompleteWorkflowExecution(Json.tree(result));
    }

    @Test
    void theFirstTaskStartsTheChildWithItsOptionsAndWaits() {
        List<HistoryEvent> history = prefix(history("child-completed.json"), 3);

        assertThat(answer(ChildWorkflowWorkflows.ParentImpl.class, history))
                .containsExactly(greeter("greeter-1", "Ada"));
    }

    @Test
    void childrenStartedWithAsyncAreAllInTheFirstTask() {
        List<HistoryEvent> history = prefix(history("children-in-parallel.json"), 3);

        assertThat(answer(ChildWorkflowWorkflows.FanoutImpl.class, history))
                .containsExactly(greeter("greeter-1", "child-1"), greeter("greeter-2", "child-2"));
    }

    @Test
    void theOptionsOfAnUntypedChildStubGoIntoItsCommand() {
        HistoryBuilder h = HistoryBuilder.started("Parent", "untyped");
        h.startTask();

        assertThat(answer(ChildWorkflowWorkflows.ParentImpl.class, h.build()))
                .containsExactly(new Command.StartChildWorkflowExecution(
                        null,
                        "greeter-1",
                        "Greeter",
                        null,
                        Json.array("Ada"),
                        null,
                        Duration.ofMinutes(5),
                        null,
                        ParentClosePolicy.ABANDON,
                        null,
                        null,
                        null,
                        null));
    }

    @Test
    void aChildWithoutAnIdGetsTheSameWorkflowUuidOnEveryReplay() {
        String expectedId = UUID.nameUUIDFromBytes("run-1:uuid:1".getBytes(StandardCharsets.UTF_8))
                .toString();
        HistoryBuilder h = HistoryBuilder.started("Parent", "default-id");

        assertThat(step(ChildWorkflowWorkflows.ParentImpl.class, h)).containsExactly(greeter(expectedId, "Ada"));
        long initiated = recordedIds.getFirst();
        long started = h.childStarted(initiated, expectedId, "run-c");
        h.childCompleted(initiated, started, expectedId, "run-c", "Hello, Ada!");
        h.startTask();

        assertThat(answer(ChildWorkflowWorkflows.ParentImpl.class, h.build()))
                .containsExactly(complete("Hello, Ada! from " + expectedId));
    }

    @Test
    void aChildIsSignalledOnceItStartedAndOnlyAsThisParentsChild() {
        HistoryBuilder h = HistoryBuilder.started("Parent", "signal");
        assertThat(step(ChildWorkflowWorkflows.ParentImpl.class, h)).containsExactly(greeter("greeter-1", "Ada"));
        long initiated = recordedIds.getFirst();
        long started = h.childStarted(initiated, "greeter-1", "run-c");

        assertThat(step(ChildWorkflowWorkflows.ParentImpl.class, h))
                .containsExactly(new Command.SignalExternalWorkflowExecution(
                        null, new WorkflowExecution("greeter-1", null), "nudge", Json.array("gently"), true));
        h.add(new EventAttributes.ExternalWorkflowExecutionSignaled(
                recordedIds.getFirst(), "default", new WorkflowExecution("greeter-1", null)));
        h.childCompleted(initiated, started, "greeter-1", "run-c", "Hello, nudged Ada!");
        h.startTask();

        assertThat(answer(ChildWorkflowWorkflows.ParentImpl.class, h.build()))
                .containsExactly(complete("Hello, nudged Ada!"));
    }

    @Test
    void aChildFailureLetThroughFailsTheParentWithTheChainAsAChildWorkflowFailure() {
        List<HistoryEvent> failed = history("child-failed.json");
        HistoryBuilder h = HistoryBuilder.started("Parent", "escape");
        for (HistoryEvent event : failed.subList(1, 12)) {
            h.add(event.attributes());
        }

        List<Command> commands = answer(ChildWorkflowWorkflows.ParentImpl.class, h.build());

        assertThat(commands).singleElement().isInstanceOfSatisfying(Command.FailWorkflowExecution.class, c -> {
            Failure failure = c.failure();
            assertThat(failure.kind()).isEqualTo(FailureKind.CHILD_WORKFLOW);
            assertThat(failure.message()).isEqualTo("Child workflow failed");
            assertThat(failure.details().get("workflowId").asString()).isEqualTo("greeter-1");
            assertThat(failure.details().get("runId").asString()).isEqualTo("child-run-1");
            assertThat(failure.details().get("workflowType").asString()).isEqualTo("Greeter");
            assertThat(failure.details().get("initiatedEventId").asLong()).isEqualTo(5);
            assertThat(failure.details().get("startedEventId").asLong()).isEqualTo(6);
            assertThat(failure.details().get("retryState").asString()).isEqualTo("RETRY_POLICY_NOT_SET");
            assertThat(failure.cause().kind()).isEqualTo(FailureKind.APPLICATION);
            assertThat(failure.cause().type()).isEqualTo("Broken");
            assertThat(failure.cause().message()).isEqualTo("greeter broke");

            RuntimeException back = FailureConverter.toException(failure);
            assertThat(back).isInstanceOfSatisfying(ChildWorkflowFailure.class, f -> {
                assertThat(f.getExecution())
                        .isEqualTo(new io.perdura.sdk.client.WorkflowExecution("greeter-1", "child-run-1"));
                assertThat(f.getNamespace()).isEqualTo("default");
                assertThat(f.getInitiatedEventId()).isEqualTo(5);
                assertThat(f.getRetryState()).isEqualTo(RetryState.RETRY_POLICY_NOT_SET);
                assertThat(f.getCause()).isInstanceOf(ApplicationFailure.class);
            });
        });
    }

    @Test
    void aChildCanceledInTheTaskThatStartsItIsNeverSentWhateverItsCancellationType() {
        for (String type :
                List.of("WAIT_CANCELLATION_COMPLETED", "WAIT_CANCELLATION_REQUESTED", "TRY_CANCEL", "ABANDON")) {
            HistoryBuilder h = HistoryBuilder.started("CancelsChild", type, "unsent");
            h.startTask();

            assertThat(answer(ChildWorkflowWorkflows.CancelsChildImpl.class, h.build()))
                    .as(type)
                    .containsExactly(complete("ChildWorkflowFailure(CanceledFailure)"));
        }
    }

    /** CancelsChild with {@code type} up to the task after its child started; returns the child's initiated and started ids. */
    private long[] startedChild(HistoryBuilder h) {
        assertThat(step(ChildWorkflowWorkflows.CancelsChildImpl.class, h)).containsExactly(greeter("greeter-1", "Ada"));
        long initiated = recordedIds.getFirst();
        return new long[] {initiated, h.childStarted(initiated, "greeter-1", "run-c")};
    }

    @Test
    void tryCancelAsksTheChildToCancelAndFailsTheCallAtOnce() {
        HistoryBuilder h = HistoryBuilder.started("CancelsChild", "TRY_CANCEL", "started");
        startedChild(h);
        h.startTask();

        assertThat(answer(ChildWorkflowWorkflows.CancelsChildImpl.class, h.build()))
                .containsExactly(cancelChild("enough"), complete("CanceledFailure"));
    }

    @Test
    void abandonSendsNothingAndFailsTheCallAtOnce() {
        HistoryBuilder h = HistoryBuilder.started("CancelsChild", "ABANDON", "started");
        startedChild(h);
        h.startTask();

        assertThat(answer(ChildWorkflowWorkflows.CancelsChildImpl.class, h.build()))
                .containsExactly(complete("CanceledFailure"));
    }

    @Test
    void waitCancellationRequestedFailsTheCallOnceTheChildRecordedTheRequest() {
        HistoryBuilder h = HistoryBuilder.started("CancelsChild", "WAIT_CANCELLATION_REQUESTED", "started");
        startedChild(h);

        assertThat(step(ChildWorkflowWorkflows.CancelsChildImpl.class, h)).containsExactly(cancelChild("enough"));
        h.add(new EventAttributes.ExternalWorkflowExecutionCancelRequested(
                recordedIds.getFirst(), "default", new WorkflowExecution("greeter-1", null)));
        h.startTask();

        assertThat(answer(ChildWorkflowWorkflows.CancelsChildImpl.class, h.build()))
                .containsExactly(complete("CanceledFailure"));
    }

    @Test
    void aChildCanceledBeforeItStartedIsAskedToCancelInTheTaskThatHearsOfItsStart() {
        HistoryBuilder h = HistoryBuilder.started("CancelsChild", "WAIT_CANCELLATION_COMPLETED", "later");
        assertThat(step(ChildWorkflowWorkflows.CancelsChildImpl.class, h))
                .containsExactly(greeter("greeter-1", "Ada"), new Command.StartTimer("1", Duration.ofSeconds(1)));
        long initiated = recordedIds.getFirst();
        h.add(new EventAttributes.TimerFired("1", recordedIds.get(1)));

        assertThat(step(ChildWorkflowWorkflows.CancelsChildImpl.class, h)).isEmpty();
        long started = h.childStarted(initiated, "greeter-1", "run-c");

        assertThat(step(ChildWorkflowWorkflows.CancelsChildImpl.class, h)).containsExactly(cancelChild("enough"));
        h.add(new EventAttributes.ExternalWorkflowExecutionCancelRequested(
                recordedIds.getFirst(), "default", new WorkflowExecution("greeter-1", null)));
        h.add(new EventAttributes.ChildWorkflowExecutionCanceled(
                null, "default", new WorkflowExecution("greeter-1", "run-c"), "Greeter", initiated, started));
        h.startTask();

        assertThat(answer(ChildWorkflowWorkflows.CancelsChildImpl.class, h.build()))
                .containsExactly(complete("ChildWorkflowFailure(CanceledFailure)"));
    }

    @Test
    void aParentCanceledWhileItWaitsForItsChildCancelsTheChildAndClosesCanceledOnceTheChildDid() {
        HistoryBuilder h = HistoryBuilder.started("WaitsForChild");
        assertThat(step(ChildWorkflowWorkflows.WaitsForChildImpl.class, h))
                .containsExactly(greeter("greeter-1", "Ada"));
        long initiated = recordedIds.getFirst();
        long started = h.childStarted(initiated, "greeter-1", "run-c");
        h.add(new EventAttributes.WorkflowExecutionCancelRequested("not needed", 0, null, null, "cli"));

        assertThat(step(ChildWorkflowWorkflows.WaitsForChildImpl.class, h)).containsExactly(cancelChild("not needed"));
        h.add(new EventAttributes.ExternalWorkflowExecutionCancelRequested(
                recordedIds.getFirst(), "default", new WorkflowExecution("greeter-1", null)));
        h.add(new EventAttributes.ChildWorkflowExecutionCanceled(
                null, "default", new WorkflowExecution("greeter-1", "run-c"), "Greeter", initiated, started));
        h.startTask();

        assertThat(answer(ChildWorkflowWorkflows.WaitsForChildImpl.class, h.build()))
                .containsExactly(new Command.CancelWorkflowExecution(null));
    }

    @Test
    void signalsAndCancelRequestsOfAMissingWorkflowFailWithNotFound() {
        HistoryBuilder h = HistoryBuilder.started("Messenger", "missing-1");
        step(ChildWorkflowWorkflows.MessengerImpl.class, h);
        h.add(new EventAttributes.SignalExternalWorkflowExecutionFailed(
                ExternalWorkflowFailedCause.EXTERNAL_WORKFLOW_EXECUTION_NOT_FOUND,
                h.lastEventId() - 1,
                "default",
                new WorkflowExecution("missing-1", null),
                recordedIds.getFirst()));

        assertThat(step(ChildWorkflowWorkflows.MessengerImpl.class, h))
                .containsExactly(new Command.RequestCancelExternalWorkflowExecution(
                        null, new WorkflowExecution("missing-1", null), false, "done"));
        h.add(new EventAttributes.RequestCancelExternalWorkflowExecutionFailed(
                ExternalWorkflowFailedCause.EXTERNAL_WORKFLOW_EXECUTION_NOT_FOUND,
                h.lastEventId() - 1,
                "default",
                new WorkflowExecution("missing-1", null),
                recordedIds.getFirst()));
        h.startTask();

        assertThat(answer(ChildWorkflowWorkflows.MessengerImpl.class, h.build()))
                .containsExactly(complete("signal failed: EXTERNAL_WORKFLOW_EXECUTION_NOT_FOUND,"
                        + " cancel failed: EXTERNAL_WORKFLOW_EXECUTION_NOT_FOUND"));
    }

    @Test
    void signalsSentThroughAsyncAreAllInOneTask() {
        HistoryBuilder h = HistoryBuilder.started("MessengerAsync", "a", "b");
        h.startTask();

        assertThat(answer(ChildWorkflowWorkflows.MessengerAsyncImpl.class, h.build()))
                .containsExactly(
                        new Command.SignalExternalWorkflowExecution(
                                null, new WorkflowExecution("a", null), "deliver", Json.array("1"), false),
                        new Command.SignalExternalWorkflowExecution(
                                null, new WorkflowExecution("b", null), "deliver", Json.array("2"), false));
    }
}
