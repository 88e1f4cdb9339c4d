package io.perdura.history;

import static io.perdura.common.history.EventType.ActivityTaskCompleted;
import static io.perdura.common.history.EventType.ActivityTaskScheduled;
import static io.perdura.common.history.EventType.ActivityTaskStarted;
import static io.perdura.common.history.EventType.TimerStarted;
import static io.perdura.common.history.EventType.WorkflowExecutionSignaled;
import static io.perdura.common.history.EventType.WorkflowExecutionStarted;
import static io.perdura.common.history.EventType.WorkflowExecutionUpdateAccepted;
import static io.perdura.common.history.EventType.WorkflowExecutionUpdateCompleted;
import static io.perdura.common.history.EventType.WorkflowTaskCompleted;
import static io.perdura.common.history.EventType.WorkflowTaskFailed;
import static io.perdura.common.history.EventType.WorkflowTaskScheduled;
import static io.perdura.common.history.EventType.WorkflowTaskStarted;
import static io.perdura.common.history.EventType.WorkflowTaskTimedOut;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.perdura.common.api.StartWorkflowRequest;
import io.perdura.common.api.UpdateStage;
import io.perdura.common.api.UpdateWorkflowRequest;
import io.perdura.common.api.UpdateWorkflowResponse;
import io.perdura.common.api.WorkflowTask;
import io.perdura.common.command.Command;
import io.perdura.common.error.ErrorType;
import io.perdura.common.error.PerduraException;
import io.perdura.common.history.EventAttributes;
import io.perdura.common.history.EventAttributes.WorkflowExecutionUpdateAccepted;
import io.perdura.common.history.EventAttributes.WorkflowExecutionUpdateCompleted;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import io.perdura.common.model.Failure;
import io.perdura.common.model.UpdateInput;
import io.perdura.common.model.UpdateMeta;
import io.perdura.common.model.UpdateRequest;
import io.perdura.common.service.HistoryRequest.UpdateWorkflowExecution;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Workflow updates: admission, delivery with workflow tasks, the speculative task that leaves no
 * trace when the update is rejected, accept and complete, repeats of an update id, and the run
 * closing, continuing or restarting under an update. Run on every backend.
 */
abstract class AbstractUpdateTests extends AbstractHistoryEngineTests {

    private static final Duration QUIET = Duration.ofMillis(300);

    CompletableFuture<UpdateWorkflowResponse> sendUpdate(
            String workflowId, String updateId, UpdateStage stage, Duration wait, Object... args) {
        return history.updateWorkflowExecution(new UpdateWorkflowExecution(
                NS,
                workflowId,
                null,
                "rename",
                new UpdateWorkflowRequest(Json.array(args), updateId, stage, "client"),
                wait));
    }

    CompletableFuture<UpdateWorkflowResponse> sendUpdate(String workflowId, String updateId, Object... args) {
        return sendUpdate(workflowId, updateId, UpdateStage.COMPLETED, WAIT, args);
    }

    /** Starts a workflow whose first task starts a long timer: then no workflow task is pending. */
    String startIdle(String workflowId) {
        String runId = start(workflowId);
        complete(pollWorkflowTask(workflowId), new Command.StartTimer("nap", Duration.ofHours(1)));
        return runId;
    }

    static Command accept(String updateId) {
        return new Command.AcceptWorkflowUpdate(updateId);
    }

    static Command completeUpdate(String updateId, Object result) {
        return new Command.CompleteWorkflowUpdate(updateId, Json.tree(result), null);
    }

    static Command reject(String updateId, String why) {
        return new Command.RejectWorkflowUpdate(updateId, Failure.application("Invalid", why, true));
    }

    static UpdateRequest request(String updateId, Object... args) {
        return new UpdateRequest(new UpdateMeta(updateId, "client"), new UpdateInput("rename", Json.array(args)));
    }

    static PerduraException failureOf(CompletableFuture<?> future) {
        try {
            join(future);
        } catch (PerduraException e) {
            return e;
        }
        throw new AssertionError("expected the call to fail");
    }

    private void assertNoWorkflowTask(String workflowId) {
        assertThat(matching.noWorkflowTask(workflowId, QUIET))
                .as("no workflow task dispatched")
                .isTrue();
    }

    @Test
    void acceptedAndCompletedInOneSpeculativeTask() {
        String workflowId = newWorkflowId();
        startIdle(workflowId);
        var call = sendUpdate(workflowId, "u-1", "Bob");

        WorkflowTask task = pollWorkflowTask(workflowId);
        assertThat(task.updates()).containsExactly(request("u-1", "Bob"));
        assertThat(task.history()).extracting(HistoryEvent::eventId).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(task.history().subList(5, 7))
                .extracting(HistoryEvent::eventType)
                .containsExactly(WorkflowTaskScheduled, WorkflowTaskStarted);
        assertThat(eventTypes(workflowId))
                .as("a speculative task writes nothing until it completes")
                .hasSize(5);
        complete(task, accept("u-1"), completeUpdate("u-1", "Hi Bob"));

        assertThat(join(call)).isEqualTo(UpdateWorkflowResponse.completed("u-1", Json.tree("Hi Bob"), null));
        List<HistoryEvent> events = events(workflowId);
        assertThat(events.subList(5, events.size()))
                .extracting(HistoryEvent::eventType)
                .containsExactly(
                        WorkflowTaskScheduled,
                        WorkflowTaskStarted,
                        WorkflowTaskCompleted,
                        WorkflowExecutionUpdateAccepted,
                        WorkflowExecutionUpdateCompleted);
        assertThat(events.subList(5, 7))
                .as("written with the times the worker saw: the started time is the workflow's time in the task")
                .extracting(HistoryEvent::eventTime)
                .containsExactly(
                        task.history().get(5).eventTime(), task.history().get(6).eventTime());
        var accepted = events.get(8).attributes(WorkflowExecutionUpdateAccepted.class);
        assertThat(accepted.protocolInstanceId()).isEqualTo("u-1");
        assertThat(accepted.acceptedRequestMessageId()).isEqualTo("u-1/request");
        assertThat(accepted.acceptedRequestSequencingEventId()).isEqualTo(6);
        assertThat(accepted.acceptedRequest()).isEqualTo(request("u-1", "Bob"));
        var completed = events.get(9).attributes(WorkflowExecutionUpdateCompleted.class);
        assertThat(completed.meta()).isEqualTo(new UpdateMeta("u-1", "client"));
        assertThat(completed.acceptedEventId()).isEqualTo(9);
        assertThat(completed.outcome().success()).isEqualTo(Json.tree("Hi Bob"));
        assertNoWorkflowTask(workflowId);
        assertThat(server.engine().waitingUpdates()).isZero();
    }

    @Test
    void waitingForAcceptedAnswersEarlyAndALaterTaskCompletesTheUpdate() {
        String workflowId = newWorkflowId();
        startIdle(workflowId);
        var accepting = sendUpdate(workflowId, "u-1", UpdateStage.ACCEPTED, WAIT, "Bob");
        complete(pollWorkflowTask(workflowId), accept("u-1"), activity("a-1", null));
        assertThat(join(accepting)).isEqualTo(UpdateWorkflowResponse.accepted("u-1"));
        assertThat(join(sendUpdate(workflowId, "u-1", UpdateStage.ACCEPTED, WAIT, "Bob")))
                .as("a repeat finds it accepted")
                .isEqualTo(UpdateWorkflowResponse.accepted("u-1"));

        var completing = sendUpdate(workflowId, "u-1", "ignored: the first request counts");
        completeActivity(pollActivityTask(workflowId), Json.tree("renamed"));
        WorkflowTask next = pollWorkflowTask(workflowId);
        assertThat(next.updates())
                .as("an accepted update is not delivered again")
                .isNull();
        assertThat(completing).isNotDone();
        complete(next, completeUpdate("u-1", "Hi Bob"));

        assertThat(join(completing).result()).isEqualTo(Json.tree("Hi Bob"));
        List<HistoryEvent> events = events(workflowId);
        assertThat(events.subList(5, events.size()))
                .extracting(HistoryEvent::eventType)
                .containsExactly(
                        WorkflowTaskScheduled,
                        WorkflowTaskStarted,
                        WorkflowTaskCompleted,
                        WorkflowExecutionUpdateAccepted,
                        ActivityTaskScheduled,
                        ActivityTaskStarted,
                        ActivityTaskCompleted,
                        WorkflowTaskScheduled,
                        WorkflowTaskStarted,
                        WorkflowTaskCompleted,
                        WorkflowExecutionUpdateCompleted);
        assertThat(events.getLast()
                        .attributes(WorkflowExecutionUpdateCompleted.class)
                        .acceptedEventId())
                .isEqualTo(9);
    }

    @Test
    void aRejectedUpdateLeavesHistoryByteForByteUnchangedAndIsValidatedAgainWhenRepeated() {
        String workflowId = newWorkflowId();
        startIdle(workflowId);
        String before = Json.write(events(workflowId));

        var rejected = sendUpdate(workflowId, "u-1", "");
        WorkflowTask first = pollWorkflowTask(workflowId);
        complete(first, reject("u-1", "a name must not be empty"));

        UpdateWorkflowResponse response = join(rejected);
        assertThat(response.stage()).isEqualTo(UpdateStage.REJECTED);
        assertThat(response.failure().message()).isEqualTo("a name must not be empty");
        assertThat(Json.write(events(workflowId))).isEqualTo(before);
        assertThat(describe(workflowId).pendingWorkflowTask()).isNull();
        assertNoWorkflowTask(workflowId);

        var again = sendUpdate(workflowId, "u-1", "Bob");
        WorkflowTask second = pollWorkflowTask(workflowId);
        assertThat(second.updates()).containsExactly(request("u-1", "Bob"));
        assertThat(second.history()).extracting(HistoryEvent::eventId).endsWith(6L, 7L);
        assertTaskNotFound(() -> complete(first, reject("u-1", "the answer to the discarded task")));
        complete(second, accept("u-1"), completeUpdate("u-1", "Hi Bob"));
        assertThat(join(again).stage()).isEqualTo(UpdateStage.COMPLETED);
    }

    @Test
    void anUpdateWhileAnActivityRunsGoesOutWithASpeculativeTask() {
        String workflowId = newWorkflowId();
        start(workflowId);
        complete(pollWorkflowTask(workflowId), activity("a-1", null));
        var running = pollActivityTask(workflowId);

        var call = sendUpdate(workflowId, "u-1", "Bob");
        WorkflowTask task = pollWorkflowTask(workflowId);
        assertThat(task.updates()).containsExactly(request("u-1", "Bob"));
        assertThat(task.history())
                .extracting(HistoryEvent::eventType)
                .endsWith(ActivityTaskScheduled, WorkflowTaskScheduled, WorkflowTaskStarted);
        complete(task, accept("u-1"), completeUpdate("u-1", "Hi Bob"));
        assertThat(join(call).result()).isEqualTo(Json.tree("Hi Bob"));

        completeActivity(running, Json.tree("done"));
        assertThat(pollWorkflowTask(workflowId).updates()).isNull();
        assertThat(eventTypes(workflowId).subList(5, 13))
                .containsExactly(
                        WorkflowTaskScheduled,
                        WorkflowTaskStarted,
                        WorkflowTaskCompleted,
                        WorkflowExecutionUpdateAccepted,
                        WorkflowExecutionUpdateCompleted,
                        ActivityTaskStarted,
                        ActivityTaskCompleted,
                        WorkflowTaskScheduled);
    }

    @Test
    void anEventBeforeTheSpeculativeTaskStartsMakesItANormalTaskThatCarriesBoth() {
        String workflowId = newWorkflowId();
        start(workflowId);
        complete(pollWorkflowTask(workflowId), activity("a-1", null));
        var running = pollActivityTask(workflowId);
        var call = sendUpdate(workflowId, "u-1", "Bob");

        completeActivity(running, Json.tree("done"));
        assertThat(eventTypes(workflowId).subList(5, 8))
                .containsExactly(WorkflowTaskScheduled, ActivityTaskStarted, ActivityTaskCompleted);
        WorkflowTask task = pollWorkflowTask(workflowId);
        assertThat(task.updates()).containsExactly(request("u-1", "Bob"));
        assertThat(task.history())
                .extracting(HistoryEvent::eventType)
                .endsWith(WorkflowTaskScheduled, ActivityTaskStarted, ActivityTaskCompleted, WorkflowTaskStarted);
        complete(task, reject("u-1", "not now"));

        assertThat(join(call).stage()).isEqualTo(UpdateStage.REJECTED);
        assertThat(eventTypes(workflowId)).hasSize(10).endsWith(WorkflowTaskStarted, WorkflowTaskCompleted);
        assertNoWorkflowTask(workflowId);
    }

    @Test
    void anUpdateBeforeTheFirstWorkflowTaskRidesOnIt() {
        String workflowId = newWorkflowId();
        start(workflowId);
        var call = sendUpdate(workflowId, "u-1", "Bob");
        await().atMost(WAIT).until(() -> describe(workflowId).historyLength() == 2);

        WorkflowTask first = pollWorkflowTask(workflowId);
        assertThat(first.history())
                .extracting(HistoryEvent::eventType)
                .containsExactly(WorkflowExecutionStarted, WorkflowTaskScheduled, WorkflowTaskStarted);
        assertThat(first.updates()).containsExactly(request("u-1", "Bob"));
        complete(
                first,
                accept("u-1"),
                completeUpdate("u-1", "Hi Bob"),
                new Command.StartTimer("nap", Duration.ofHours(1)));

        assertThat(join(call).result()).isEqualTo(Json.tree("Hi Bob"));
        List<HistoryEvent> events = events(workflowId);
        assertThat(events)
                .extracting(HistoryEvent::eventType)
                .containsExactly(
                        WorkflowExecutionStarted,
                        WorkflowTaskScheduled,
                        WorkflowTaskStarted,
                        WorkflowTaskCompleted,
                        WorkflowExecutionUpdateAccepted,
                        WorkflowExecutionUpdateCompleted,
                        TimerStarted);
        assertThat(events.get(4)
                        .attributes(WorkflowExecutionUpdateAccepted.class)
                        .acceptedRequestSequencingEventId())
                .isEqualTo(2);
        assertNoWorkflowTask(workflowId);
    }

    @Test
    void anUpdateThatArrivesWhileATaskRunsGoesOutWithTheNextTask() {
        String workflowId = newWorkflowId();
        start(workflowId);
        WorkflowTask running = pollWorkflowTask(workflowId);
        var call = sendUpdate(workflowId, "u-1", "Bob");
        await().atMost(WAIT).until(() -> server.engine().waitingUpdates() == 1);

        complete(running, new Command.StartTimer("nap", Duration.ofHours(1)));
        assertThat(running.updates()).isNull();
        WorkflowTask next = pollWorkflowTask(workflowId);
        assertThat(next.updates()).containsExactly(request("u-1", "Bob"));
        complete(next, accept("u-1"), completeUpdate("u-1", "Hi Bob"));
        assertThat(join(call).result()).isEqualTo(Json.tree("Hi Bob"));
    }

    @Test
    void aRepeatedUpdateIdWaitsWithTheFirstAndThenReturnsItsOutcome() {
        String workflowId = newWorkflowId();
        startIdle(workflowId);
        var first = sendUpdate(workflowId, "u-1", "Bob");
        var repeat = sendUpdate(workflowId, "u-1", "Alice");
        await().atMost(WAIT).until(() -> server.engine().waitingUpdates() == 2);

        WorkflowTask task = pollWorkflowTask(workflowId);
        assertThat(task.updates()).containsExactly(request("u-1", "Bob"));
        complete(task, accept("u-1"), completeUpdate("u-1", "Hi Bob"));
        assertThat(join(first).result()).isEqualTo(Json.tree("Hi Bob"));
        assertThat(join(repeat).result()).isEqualTo(Json.tree("Hi Bob"));

        int length = eventTypes(workflowId).size();
        assertThat(join(sendUpdate(workflowId, "u-1", "Carol")).result()).isEqualTo(Json.tree("Hi Bob"));
        assertThat(join(sendUpdate(workflowId, "u-1", UpdateStage.ACCEPTED, WAIT, "Carol")))
                .as("the stage it reached")
                .isEqualTo(UpdateWorkflowResponse.completed("u-1", Json.tree("Hi Bob"), null));
        assertThat(eventTypes(workflowId)).hasSize(length);
        assertNoWorkflowTask(workflowId);
    }

    @Test
    void aHandlerFailureIsTheCompletedOutcome() {
        String workflowId = newWorkflowId();
        startIdle(workflowId);
        var call = sendUpdate(workflowId, "u-1", "Bob");
        Failure failure = Failure.application("NameTaken", "Bob is taken", false);
        complete(pollWorkflowTask(workflowId), accept("u-1"), new Command.CompleteWorkflowUpdate("u-1", null, failure));

        assertThat(join(call)).isEqualTo(UpdateWorkflowResponse.completed("u-1", null, failure));
        assertThat(events(workflowId)
                        .getLast()
                        .attributes(WorkflowExecutionUpdateCompleted.class)
                        .outcome()
                        .failure())
                .isEqualTo(failure);
    }

    @Test
    void anUpdateOfAClosedRunIsRefusedButACompletedOneStillAnswers() {
        String workflowId = newWorkflowId();
        startIdle(workflowId);
        var call = sendUpdate(workflowId, "u-1", "Bob");
        complete(pollWorkflowTask(workflowId), accept("u-1"), completeUpdate("u-1", "Hi Bob"));
        join(call);
        terminate(workflowId);

        PerduraException refused = failureOf(sendUpdate(workflowId, "u-2", "Alice"));
        assertThat(refused.errorType()).isEqualTo(ErrorType.NOT_FOUND);
        assertThat(refused.getMessage()).isEqualTo("workflow execution already completed");
        assertThat(join(sendUpdate(workflowId, "u-1", "Bob")).result()).isEqualTo(Json.tree("Hi Bob"));
    }

    @Test
    void theRunClosingFailsTheWaitsOfUpdatesItDidNotCompleteAndForgetsThem() {
        String workflowId = newWorkflowId();
        startIdle(workflowId);
        var accepting = sendUpdate(workflowId, "u-1", UpdateStage.ACCEPTED, WAIT, "Bob");
        complete(pollWorkflowTask(workflowId), accept("u-1"));
        join(accepting);
        var completing = sendUpdate(workflowId, "u-1", "Bob");
        var admitted = sendUpdate(workflowId, "u-2", "Alice");
        await().atMost(WAIT).until(() -> server.engine().waitingUpdates() == 2);

        terminate(workflowId);

        for (var call : List.of(completing, admitted)) {
            PerduraException error = failureOf(call);
            assertThat(error.errorType()).isEqualTo(ErrorType.NOT_FOUND);
            assertThat(error.getMessage()).isEqualTo("workflow execution closed before the update completed");
        }
        assertThat(server.engine().waitingUpdates()).isZero();
        assertThat(failureOf(sendUpdate(workflowId, "u-1", "Bob")).getMessage())
                .isEqualTo("workflow execution already completed");
        assertThat(eventTypes(workflowId)).doesNotContain(WorkflowExecutionUpdateCompleted);
    }

    @Test
    void anUpdateNotYetAcceptedWhenTheRunContinuesAsNewIsAskedAgainOfTheNewRun() {
        String workflowId = newWorkflowId();
        String firstRun = startIdle(workflowId);
        var call = sendUpdate(workflowId, "u-1", "Bob");
        complete(
                pollWorkflowTask(workflowId),
                new Command.ContinueAsNewWorkflowExecution(null, null, Json.array(), null, null, null, null, null));

        PerduraException error = failureOf(call);
        assertThat(error.errorType()).isEqualTo(ErrorType.UNAVAILABLE);
        assertThat(error.getMessage()).contains("u-1", "the new run takes it");
        var again = sendUpdate(workflowId, "u-1", "Bob");
        WorkflowTask first = pollWorkflowTask(workflowId);
        assertThat(first.runId()).isNotEqualTo(firstRun);
        assertThat(first.updates()).containsExactly(request("u-1", "Bob"));
        complete(first, accept("u-1"), completeUpdate("u-1", "Hi Bob"));
        assertThat(join(again).result()).isEqualTo(Json.tree("Hi Bob"));
    }

    @Test
    void anAdmittedUpdateSurvivesARestartAndCompletesWhenTheCallerAsksAgain() {
        String workflowId = newWorkflowId();
        startIdle(workflowId);
        var beforeRestart = sendUpdate(workflowId, "u-1", "Bob");
        await().atMost(WAIT).until(() -> server.engine().waitingUpdates() == 1);

        server.stop();
        assertThat(failureOf(beforeRestart).errorType()).isEqualTo(ErrorType.UNAVAILABLE);
        server = newServer(bus);
        server.start();

        var retried = sendUpdate(workflowId, "u-1", "Bob");
        WorkflowTask task = pollWorkflowTask(workflowId);
        assertThat(task.updates()).containsExactly(request("u-1", "Bob"));
        complete(task, accept("u-1"), completeUpdate("u-1", "Hi Bob"));
        assertThat(join(retried).result()).isEqualTo(Json.tree("Hi Bob"));
        assertThat(eventTypes(workflowId)).endsWith(WorkflowExecutionUpdateAccepted, WorkflowExecutionUpdateCompleted);
    }

    @Test
    void aSpeculativeTaskThatTimesOutIsWrittenAndTheRetryDeliversTheUpdateAgain() {
        String workflowId = newWorkflowId();
        start(
                workflowId,
                new StartWorkflowRequest("Hello", QUEUE, null, null, null, null, Duration.ofSeconds(1), null));
        complete(pollWorkflowTask(workflowId), new Command.StartTimer("nap", Duration.ofHours(1)));
        var call = sendUpdate(workflowId, "u-1", "Bob");

        WorkflowTask lost = pollWorkflowTask(workflowId);
        WorkflowTask retry = pollWorkflowTask(workflowId);
        assertThat(retry.attempt()).isEqualTo(2);
        assertThat(retry.updates()).containsExactly(request("u-1", "Bob"));
        assertThat(eventTypes(workflowId).subList(5, 8))
                .containsExactly(WorkflowTaskScheduled, WorkflowTaskStarted, WorkflowTaskTimedOut);
        assertTaskNotFound(() -> complete(lost, accept("u-1")));
        complete(retry, accept("u-1"), completeUpdate("u-1", "Hi Bob"));

        assertThat(join(call).result()).isEqualTo(Json.tree("Hi Bob"));
        List<HistoryEvent> events = events(workflowId);
        assertThat(events.subList(8, events.size()))
                .extracting(HistoryEvent::eventType)
                .containsExactly(
                        WorkflowTaskScheduled,
                        WorkflowTaskStarted,
                        WorkflowTaskCompleted,
                        WorkflowExecutionUpdateAccepted,
                        WorkflowExecutionUpdateCompleted);
        assertThat(events.get(8)
                        .attributes(EventAttributes.WorkflowTaskScheduled.class)
                        .attempt())
                .isEqualTo(2);
        assertThat(events.get(11)
                        .attributes(WorkflowExecutionUpdateAccepted.class)
                        .acceptedRequestSequencingEventId())
                .isEqualTo(9);
    }

    @Test
    void answersToUnknownUndeliveredOrUnacceptedUpdatesAreBadCommands() {
        String workflowId = newWorkflowId();
        startIdle(workflowId);
        var call = sendUpdate(workflowId, "u-1", "Bob");

        WorkflowTask task = pollWorkflowTask(workflowId);
        assertThatThrownBy(() -> complete(task, completeUpdate("u-1", "too early"), accept("u-1")))
                .isInstanceOfSatisfying(PerduraException.class, e -> {
                    assertThat(e.errorType()).isEqualTo(ErrorType.INVALID_ARGUMENT);
                    assertThat(e.getMessage())
                            .isEqualTo("BAD_COMMAND: CompleteWorkflowUpdate: update u-1 must be accepted"
                                    + " (AcceptWorkflowUpdate, earlier) before it is completed");
                });
        assertThat(eventTypes(workflowId).subList(5, 8))
                .as("a failed speculative task is written")
                .containsExactly(WorkflowTaskScheduled, WorkflowTaskStarted, WorkflowTaskFailed);

        WorkflowTask retry = pollWorkflowTask(workflowId);
        assertThat(retry.updates()).containsExactly(request("u-1", "Bob"));
        assertThat(errorOf(() -> complete(retry, accept("u-2")))).isEqualTo(ErrorType.INVALID_ARGUMENT);
        WorkflowTask third = pollWorkflowTask(workflowId);
        assertThat(errorOf(() -> complete(third, accept("u-1"), reject("u-1", "changed my mind"))))
                .isEqualTo(ErrorType.INVALID_ARGUMENT);
        WorkflowTask fourth = pollWorkflowTask(workflowId);
        assertThat(fourth.attempt()).isEqualTo(4);
        complete(fourth, accept("u-1"), completeUpdate("u-1", "Hi Bob"));
        assertThat(join(call).result()).isEqualTo(Json.tree("Hi Bob"));
    }

    @Test
    void aRunTakesTenUpdatesInFlightAndAWaitThatRunsOutNamesTheUpdate() {
        String workflowId = newWorkflowId();
        startIdle(workflowId);
        List<CompletableFuture<UpdateWorkflowResponse>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            calls.add(sendUpdate(workflowId, "u-" + i, UpdateStage.ACCEPTED, Duration.ofMillis(200), "Bob"));
        }
        PerduraException timedOut = failureOf(calls.getFirst());
        assertThat(timedOut.errorType()).isEqualTo(ErrorType.TIMEOUT);
        assertThat(timedOut.getMessage()).contains("u-0", "ACCEPTED", "same updateId");
        calls.forEach(AbstractUpdateTests::failureOf);

        PerduraException refused = failureOf(sendUpdate(workflowId, "u-10", "Bob"));
        assertThat(refused.errorType()).isEqualTo(ErrorType.RATE_LIMITED);
        assertThat(pollWorkflowTask(workflowId).updates()).hasSize(10);
    }

    @Test
    void anEventBufferedWhileASpeculativeTaskRunsGetsTheTaskWrittenEvenIfItOnlyRejects() {
        String workflowId = newWorkflowId();
        startIdle(workflowId);
        var call = sendUpdate(workflowId, "u-1", "");
        WorkflowTask task = pollWorkflowTask(workflowId);
        signal(workflowId, "meanwhile", null);
        assertThat(eventTypes(workflowId)).as("buffered while the task runs").hasSize(5);

        complete(task, reject("u-1", "a name must not be empty"));

        assertThat(join(call).stage()).isEqualTo(UpdateStage.REJECTED);
        assertThat(eventTypes(workflowId).subList(5, 10))
                .containsExactly(
                        WorkflowTaskScheduled,
                        WorkflowTaskStarted,
                        WorkflowTaskCompleted,
                        WorkflowExecutionSignaled,
                        WorkflowTaskScheduled);
        assertThat(eventTypes(workflowId)).doesNotContain(WorkflowExecutionUpdateAccepted);
        assertThat(pollWorkflowTask(workflowId).updates()).isNull();
    }

    @Test
    void anUpdateLeftUnansweredGoesOutAgainWithTheNextTaskOrWhenItIsAskedAgain() {
        String workflowId = newWorkflowId();
        start(workflowId);
        var call = sendUpdate(workflowId, "u-1", "Bob");
        await().atMost(WAIT).until(() -> server.engine().waitingUpdates() == 1);
        WorkflowTask first = pollWorkflowTask(workflowId);
        assertThat(first.updates()).containsExactly(request("u-1", "Bob"));
        complete(first, new Command.StartTimer("nap", Duration.ofHours(1)));
        assertNoWorkflowTask(workflowId);

        signal(workflowId, "poke", null);
        WorkflowTask second = pollWorkflowTask(workflowId);
        assertThat(second.updates()).containsExactly(request("u-1", "Bob"));
        complete(second);
        assertNoWorkflowTask(workflowId);

        var again = sendUpdate(workflowId, "u-1", "Bob");
        WorkflowTask third = pollWorkflowTask(workflowId);
        assertThat(third.updates()).containsExactly(request("u-1", "Bob"));
        complete(third, accept("u-1"), completeUpdate("u-1", "Hi Bob"));
        assertThat(join(call).result()).isEqualTo(Json.tree("Hi Bob"));
        assertThat(join(again).result()).isEqualTo(Json.tree("Hi Bob"));
    }
}
