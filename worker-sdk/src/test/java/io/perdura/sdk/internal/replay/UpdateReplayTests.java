package io.perdura.sdk.internal.replay;

import static io.perdura.sdk.internal.replay.ReplayTestSupport.history;
import static io.perdura.sdk.internal.replay.ReplayTestSupport.newRun;
import static io.perdura.sdk.internal.replay.ReplayTestSupport.prefix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perdura.common.command.Command;
import io.perdura.common.history.EventAttributes;
import io.perdura.common.history.EventAttributes.WorkflowTaskFailedCause;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import io.perdura.common.model.Failure;
import io.perdura.common.model.UpdateInput;
import io.perdura.common.model.UpdateMeta;
import io.perdura.common.model.UpdateOutcome;
import io.perdura.common.model.UpdateRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Updates in workflow code: validated, rejected or accepted, handled on a coroutine of their own
 * (blocking if they like), completed with a result or a failure, and replayed from their
 * WorkflowExecutionUpdateAccepted events; a cached run after a speculative task that only rejected.
 */
class UpdateReplayTests {

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

    static UpdateRequest request(String updateId, String name, Object... args) {
        return new UpdateRequest(new UpdateMeta(updateId, "client"), new UpdateInput(name, Json.array(args)));
    }

    private static List<Command> completed(WorkflowTaskResult result) {
        assertThat(result).isInstanceOf(WorkflowTaskResult.Completed.class);
        return ((WorkflowTaskResult.Completed) result).commands();
    }

    private static Command accept(String updateId) {
        return new Command.AcceptWorkflowUpdate(updateId);
    }

    private static Command completeUpdate(String updateId, Object result) {
        return new Command.CompleteWorkflowUpdate(updateId, Json.tree(result), null);
    }

    private static Command.ScheduleActivityTask check(int k) {
        return new Command.ScheduleActivityTask(
                "1", "Check", "samples", Json.array(k), null, null, Duration.ofSeconds(10), null, null);
    }

    /** The failure of the single RejectWorkflowUpdate of {@code updateId} among {@code commands}. */
    private static Failure rejection(List<Command> commands, String updateId) {
        List<Failure> failures = commands.stream()
                .filter(Command.RejectWorkflowUpdate.class::isInstance)
                .map(Command.RejectWorkflowUpdate.class::cast)
                .filter(r -> r.updateId().equals(updateId))
                .map(Command.RejectWorkflowUpdate::failure)
                .toList();
        assertThat(failures).as("rejections of %s in %s", updateId, commands).hasSize(1);
        return failures.getFirst();
    }

    /** A Probe whose first task ran (main waits for {@code finish}); the history ends with that task completed. */
    private static HistoryBuilder probeStarted() {
        HistoryBuilder h = HistoryBuilder.started("Probe");
        h.completedTask();
        return h;
    }

    @Test
    void anUpdateAcceptedAndCompletedInOneTaskAnswersAcceptThenComplete() {
        List<HistoryEvent> history = history("counter-update-in-one-task.json");
        WorkflowRun run = run(UpdateWorkflows.CounterImpl.class, history);
        assertThat(completed(run.processWorkflowTask(prefix(history, 3)))).isEmpty();

        List<Command> commands =
                completed(run.processWorkflowTask(prefix(history, 6), List.of(request("u-1", "add", 3))));

        assertThat(commands).containsExactly(accept("u-1"), completeUpdate("u-1", 3));
        assertThat(run.query(prefix(history, 6), "value", Json.array())).isEqualTo(Json.tree(3));
        assertThat(completed(run.processWorkflowTask(prefix(history, 12))))
                .as("the cached run confirms the update's events and goes on")
                .containsExactly(new Command.CompleteWorkflowExecution(Json.tree(3)));
    }

    @Test
    void aReplayRunsTheAcceptedHandlerAgainWithoutItsValidator() {
        List<HistoryEvent> history = history("counter-update-in-one-task.json");
        WorkflowRun run = run(UpdateWorkflows.CounterImpl.class, history);

        assertThat(completed(run.processWorkflowTask(prefix(history, 12))))
                .containsExactly(new Command.CompleteWorkflowExecution(Json.tree(3)));
        assertThat(run.query(prefix(history, 12), "value", Json.array())).isEqualTo(Json.tree(3));
    }

    @Test
    void aHandlerThatCallsAnActivityIsAcceptedNowAndCompletedInALaterTask() {
        List<HistoryEvent> history = history("counter-update-after-activity.json");
        WorkflowRun run = run(UpdateWorkflows.CounterImpl.class, history);
        completed(run.processWorkflowTask(prefix(history, 3)));

        assertThat(completed(run.processWorkflowTask(prefix(history, 6), List.of(request("u-1", "addChecked", 4)))))
                .containsExactly(accept("u-1"), check(4));
        assertThat(completed(run.processWorkflowTask(prefix(history, 13)))).containsExactly(completeUpdate("u-1", 5));
        assertThat(completed(run.processWorkflowTask(prefix(history, 18))))
                .containsExactly(new Command.CompleteWorkflowExecution(Json.tree(5)));
    }

    @Test
    void theWorkflowWaitsForItsRunningHandlerBeforeItReturns() {
        List<HistoryEvent> golden = history("counter-update-after-activity.json");
        HistoryBuilder h = new HistoryBuilder();
        prefix(golden, 9).forEach(e -> h.add(e.attributes()));
        h.add(new EventAttributes.WorkflowExecutionSignaled("finish", Json.array(), "client"));
        h.startTask(); // 11, 12: finish came while the handler waits for its activity
        WorkflowRun run = run(UpdateWorkflows.CounterImpl.class, h.build());

        assertThat(completed(run.processWorkflowTask(h.build())))
                .as("main saw finish but a handler still runs")
                .isEmpty();
        h.add(new EventAttributes.WorkflowTaskCompleted(11, 12, "worker"));
        h.activityCompleted(9, 5);
        h.startTask();

        assertThat(completed(run.processWorkflowTask(h.build())))
                .containsExactly(completeUpdate("u-1", 5), new Command.CompleteWorkflowExecution(Json.tree(5)));
    }

    @Test
    void aRejectedUpdateIsAnsweredFirstAndLeavesNothingToReplay() {
        List<HistoryEvent> history = history("counter-update-rejected.json");

        List<Command> commands = completed(run(UpdateWorkflows.CounterImpl.class, prefix(history, 7))
                .processWorkflowTask(prefix(history, 7), List.of(request("u-1", "add", -1))));

        assertThat(commands).hasSize(2);
        assertThat(commands.getLast()).isEqualTo(new Command.CompleteWorkflowExecution(Json.tree(0)));
        Failure failure = rejection(commands, "u-1");
        assertThat(failure.message()).isEqualTo("k must not be negative: -1");
        assertThat(failure.type()).isEqualTo("java.lang.IllegalArgumentException");
        assertThat(run(UpdateWorkflows.CounterImpl.class, history).replay(history))
                .isNull();
    }

    @Test
    void anUpdateWithoutAHandlerOrWithArgumentsThatDoNotFitIsRejected() {
        List<HistoryEvent> history = prefix(history("counter-update-in-one-task.json"), 6);

        List<Command> commands = completed(run(UpdateWorkflows.CounterImpl.class, history)
                .processWorkflowTask(history, List.of(request("u-1", "subtract", 3), request("u-2", "add", "three"))));

        assertThat(commands).hasSize(2);
        assertThat(rejection(commands, "u-1").message())
                .isEqualTo("Unknown update name: subtract, knownTypes=[add, addChecked]");
        assertThat(rejection(commands, "u-2").message()).contains("three");
    }

    @Test
    void twoUpdatesInOneTaskRunInTheOrderTheyCameAndARejectionBetweenThemChangesNothing() {
        List<HistoryEvent> history = history("counter-two-updates-in-one-task.json");
        WorkflowRun run = run(UpdateWorkflows.CounterImpl.class, history);
        completed(run.processWorkflowTask(prefix(history, 3)));

        List<Command> commands = completed(run.processWorkflowTask(
                prefix(history, 6),
                List.of(request("u-1", "addChecked", 4), request("u-x", "add", -3), request("u-2", "add", 2))));

        assertThat(commands.subList(1, commands.size()))
                .containsExactly(accept("u-1"), check(4), accept("u-2"), completeUpdate("u-2", 2));
        assertThat(rejection(commands, "u-x").message()).isEqualTo("k must not be negative: -3");
        assertThat(completed(run.processWorkflowTask(history.subList(0, 16))))
                .containsExactly(completeUpdate("u-1", 7), new Command.CompleteWorkflowExecution(Json.tree(7)));
    }

    @Test
    void aCachedRunWhoseSpeculativeTaskOnlyRejectedReplaysWhenTheNextTaskReusesItsEventIds() {
        List<HistoryEvent> history = history("counter-update-in-one-task.json");
        WorkflowRun cached = run(UpdateWorkflows.CounterImpl.class, history);
        completed(cached.processWorkflowTask(prefix(history, 3)));
        // a speculative task (events 5, 6 exist only on the server) that only rejects: nothing is written
        List<Command> rejected =
                completed(cached.processWorkflowTask(prefix(history, 6), List.of(request("u-0", "add", -1))));
        assertThat(rejected).singleElement().isInstanceOf(Command.RejectWorkflowUpdate.class);

        // the next speculative task has the same event ids, with another update
        assertThatThrownBy(() -> cached.processWorkflowTask(prefix(history, 6), List.of(request("u-1", "add", 3))))
                .isInstanceOf(StaleRunException.class);
        assertThat(completed(run(UpdateWorkflows.CounterImpl.class, history)
                        .processWorkflowTask(prefix(history, 6), List.of(request("u-1", "add", 3)))))
                .containsExactly(accept("u-1"), completeUpdate("u-1", 3));
    }

    @Test
    void aCachedRunWhoseSpeculativeTaskOnlyRejectedReplaysWhenAnEventTakesTheTasksEventId() {
        List<HistoryEvent> history = history("counter-update-rejected.json");
        WorkflowRun cached = run(UpdateWorkflows.CounterImpl.class, history);
        completed(cached.processWorkflowTask(prefix(history, 3)));
        HistoryBuilder speculative = new HistoryBuilder();
        prefix(history, 4).forEach(e -> speculative.add(e.attributes()));
        speculative.startTask(); // 5, 6, dropped after the rejection
        completed(cached.processWorkflowTask(speculative.build(), List.of(request("u-0", "add", -1))));

        // history goes on from event 4 with the signal as event 5
        assertThatThrownBy(() -> cached.processWorkflowTask(prefix(history, 7))).isInstanceOf(StaleRunException.class);
        assertThat(completed(run(UpdateWorkflows.CounterImpl.class, history).processWorkflowTask(prefix(history, 7))))
                .containsExactly(new Command.CompleteWorkflowExecution(Json.tree(0)));
    }

    @Test
    void anUpdateInTheFirstTaskRunsItsHandlerBeforeTheWorkflowMethod() {
        HistoryBuilder h = HistoryBuilder.started("Probe");
        long started = h.startTask();
        WorkflowRun run = run(UpdateWorkflows.ProbeImpl.class, h.build());

        List<Command> first = completed(run.processWorkflowTask(h.build(), List.of(request("u-1", "do", "x"))));

        String at = "done x at " + h.build().getLast().eventTime().toEpochMilli();
        assertThat(first).containsExactly(accept("u-1"), completeUpdate("u-1", at));
        h.add(new EventAttributes.WorkflowTaskCompleted(started - 1, started, "worker"));
        long acceptedId = h.add(new EventAttributes.WorkflowExecutionUpdateAccepted(
                "u-1", "u-1/request", started - 1, request("u-1", "do", "x")));
        h.add(new EventAttributes.WorkflowExecutionUpdateCompleted(
                new UpdateMeta("u-1", "client"), acceptedId, UpdateOutcome.success(Json.tree(at))));
        h.add(new EventAttributes.WorkflowExecutionSignaled("finish", Json.array(), "client"));
        h.startTask();
        Command done = new Command.CompleteWorkflowExecution(
                Json.array("handle x", "main started", "main finished, handlers finished: true"));

        assertThat(completed(run.processWorkflowTask(h.build()))).containsExactly(done);
        assertThat(completed(run(UpdateWorkflows.ProbeImpl.class, h.build()).processWorkflowTask(h.build())))
                .as("replayed afresh, the handler runs at the same point")
                .containsExactly(done);
    }

    @Test
    void anUpdateStartsBeforeTheHandlersOfSignalsThatCameInTheSameTask() {
        HistoryBuilder h = probeStarted();
        h.add(new EventAttributes.WorkflowExecutionSignaled("register", Json.array(), "client"));
        h.startTask();

        List<Command> commands = completed(run(UpdateWorkflows.ProbeImpl.class, h.build())
                .processWorkflowTask(h.build(), List.of(request("u-1", "extra", 2))));

        assertThat(rejection(commands, "u-1").message()).startsWith("Unknown update name: extra");
    }

    @Test
    void aHandlerThatThrowsAnApplicationFailureCompletesTheUpdateWithIt() {
        HistoryBuilder h = probeStarted();
        h.startTask();

        List<Command> commands = completed(run(UpdateWorkflows.ProbeImpl.class, h.build())
                .processWorkflowTask(h.build(), List.of(request("u-1", "do", "fail"))));

        assertThat(commands).hasSize(2);
        assertThat(commands.getFirst()).isEqualTo(accept("u-1"));
        assertThat(commands.getLast()).isInstanceOfSatisfying(Command.CompleteWorkflowUpdate.class, c -> {
            assertThat(c.result()).isNull();
            assertThat(c.failure().message()).isEqualTo("cannot do it");
            assertThat(c.failure().type()).isEqualTo("Refused");
        });
    }

    @Test
    void aHandlerThatThrowsAnyOtherExceptionFailsTheWorkflowTaskAsTemporalDoes() {
        HistoryBuilder h = probeStarted();
        h.startTask();

        WorkflowTaskResult result = run(UpdateWorkflows.ProbeImpl.class, h.build())
                .processWorkflowTask(h.build(), List.of(request("u-1", "do", "bug")));

        assertThat(result).isInstanceOfSatisfying(WorkflowTaskResult.Failed.class, failed -> {
            assertThat(failed.cause()).isEqualTo(WorkflowTaskFailedCause.WORKFLOW_WORKER_UNHANDLED_FAILURE);
            assertThat(failed.failure().message()).isEqualTo("a bug in the handler");
        });
    }

    @Test
    void aValidatorThatThrowsRejectsAndOneThatTriesToBlockOrProduceCommandsIsRejectedWithWhatItTried() {
        HistoryBuilder h = probeStarted();
        h.startTask();

        List<Command> commands = completed(run(UpdateWorkflows.ProbeImpl.class, h.build())
                .processWorkflowTask(
                        h.build(),
                        List.of(
                                request("u-1", "do", "invalid"),
                                request("u-2", "do", "sleep-in-validator"),
                                request("u-3", "do", "await-in-validator"),
                                request("u-4", "do", "swallowed-timer-in-validator"),
                                request("u-5", "do", "random-in-validator"))));

        assertThat(commands).hasSize(5).allMatch(Command.RejectWorkflowUpdate.class::isInstance);
        assertThat(rejection(commands, "u-1").message()).isEqualTo("not valid: invalid");
        String readOnly = ": validators are read-only (no commands, no blocking, no change to the workflow's state)";
        assertThat(rejection(commands, "u-2").message())
                .isEqualTo("the validator of update 'do' must not start a timer" + readOnly);
        assertThat(rejection(commands, "u-3").message())
                .isEqualTo("the validator of update 'do' must not await" + readOnly);
        assertThat(rejection(commands, "u-4").message())
                .isEqualTo("the validator of update 'do' must not start a timer" + readOnly);
        assertThat(rejection(commands, "u-5").message())
                .isEqualTo("the validator of update 'do' must not generate a random UUID" + readOnly);
    }

    @Test
    void theWorkflowsCancellationDoesNotReachAnUpdateHandler() {
        HistoryBuilder h = probeStarted();
        long started = h.startTask();
        WorkflowRun run = run(UpdateWorkflows.ProbeImpl.class, h.build());
        assertThat(completed(run.processWorkflowTask(h.build(), List.of(request("u-1", "do", "sleep")))))
                .containsExactly(accept("u-1"), new Command.StartTimer("1", Duration.ofSeconds(5)));
        long completedId = h.add(new EventAttributes.WorkflowTaskCompleted(started - 1, started, "worker"));
        h.add(new EventAttributes.WorkflowExecutionUpdateAccepted(
                "u-1", "u-1/request", started - 1, request("u-1", "do", "sleep")));
        long timer = h.add(new EventAttributes.TimerStarted("1", Duration.ofSeconds(5), completedId));
        h.add(new EventAttributes.WorkflowExecutionCancelRequested("enough", 0, null, null, "client"));
        started = h.startTask();

        assertThat(completed(run.processWorkflowTask(h.build())))
                .as("main waits for the handler; the handler's timer is not canceled")
                .isEmpty();
        h.add(new EventAttributes.WorkflowTaskCompleted(started - 1, started, "worker"));
        h.add(new EventAttributes.TimerFired("1", timer));
        h.startTask();

        assertThat(completed(run.processWorkflowTask(h.build())))
                .containsExactly(
                        completeUpdate("u-1", "slept"),
                        new Command.CompleteWorkflowExecution(
                                Json.array("main started", "handle sleep", "main canceled", "handlers finished")));
    }

    @Test
    void aListenerBringsUpdateHandlersAndADynamicUpdateHandlerTakesTheRest() {
        HistoryBuilder h = probeStarted();
        h.add(new EventAttributes.WorkflowExecutionSignaled("register", Json.array(), "client"));
        h.completedTask();
        h.startTask();

        List<Command> commands = completed(run(UpdateWorkflows.ProbeImpl.class, h.build())
                .processWorkflowTask(
                        h.build(),
                        List.of(
                                request("u-1", "extra", 2),
                                request("u-2", "extra", 0),
                                request("u-3", "anything", "a"),
                                request("u-4", "forbidden-thing", "b"))));

        assertThat(rejection(commands, "u-2").message()).isEqualTo("n must not be 0");
        assertThat(rejection(commands, "u-4").message()).isEqualTo("forbidden-thing is forbidden");
        assertThat(commands.subList(2, commands.size()))
                .containsExactly(
                        accept("u-1"),
                        completeUpdate("u-1", "extra 2"),
                        accept("u-3"),
                        completeUpdate("u-3", "anything(a)"));
    }

    @Test
    void aReplayedAcceptedUpdateWithoutAHandlerIsNonDeterminism() {
        List<HistoryEvent> history = history("counter-update-in-one-task.json");

        WorkflowTaskResult.Failed failed =
                run(UpdateWorkflows.CounterWithoutUpdates.class, history).replay(history);

        assertThat(failed).isNotNull();
        assertThat(failed.cause()).isEqualTo(WorkflowTaskFailedCause.NON_DETERMINISTIC_ERROR);
        assertThat(failed.failure().message())
                .contains("history records WorkflowExecutionUpdateAccepted(updateId=u-1, name=add) at eventId 8"
                        + " but the workflow has no handler for update 'add'");
    }
}
