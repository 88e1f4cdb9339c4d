package io.perdura.history;

import static io.perdura.common.history.EventType.ActivityTaskCompleted;
import static io.perdura.common.history.EventType.ActivityTaskFailed;
import static io.perdura.common.history.EventType.ActivityTaskScheduled;
import static io.perdura.common.history.EventType.ActivityTaskStarted;
import static io.perdura.common.history.EventType.ActivityTaskTimedOut;
import static io.perdura.common.history.EventType.TimerFired;
import static io.perdura.common.history.EventType.TimerStarted;
import static io.perdura.common.history.EventType.WorkflowExecutionCompleted;
import static io.perdura.common.history.EventType.WorkflowExecutionSignaled;
import static io.perdura.common.history.EventType.WorkflowExecutionStarted;
import static io.perdura.common.history.EventType.WorkflowExecutionTimedOut;
import static io.perdura.common.history.EventType.WorkflowTaskCompleted;
import static io.perdura.common.history.EventType.WorkflowTaskFailed;
import static io.perdura.common.history.EventType.WorkflowTaskScheduled;
import static io.perdura.common.history.EventType.WorkflowTaskStarted;
import static io.perdura.common.history.EventType.WorkflowTaskTimedOut;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.perdura.common.api.CompleteWorkflowTaskRequest;
import io.perdura.common.api.HeartbeatRequest;
import io.perdura.common.api.StartWorkflowRequest;
import io.perdura.common.api.TaskToken;
import io.perdura.common.command.Command;
import io.perdura.common.error.ErrorType;
import io.perdura.common.history.EventAttributes;
import io.perdura.common.history.EventAttributes.WorkflowTaskFailedCause;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import io.perdura.common.messaging.InJvmMessageBus;
import io.perdura.common.model.Failure;
import io.perdura.common.model.RetryPolicy;
import io.perdura.common.model.RetryState;
import io.perdura.common.model.TimeoutType;
import io.perdura.common.model.WorkflowStatus;
import io.perdura.common.service.HistoryClient;
import io.perdura.common.service.HistoryRequest.GetWorkflowExecutionHistory;
import io.perdura.common.service.HistoryRequest.RecordActivityTaskHeartbeat;
import io.perdura.common.service.HistoryRequest.RecordWorkflowTaskStarted;
import io.perdura.common.service.HistoryRequest.RespondWorkflowTaskCompleted;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Retries, timeouts, durable timers and fencing. Run on every backend. */
abstract class AbstractFailureHandlingTests extends AbstractHistoryEngineTests {

    private static final RetryPolicy FAST_RETRY = new RetryPolicy(Duration.ofMillis(100), 1.0, null, 3, null);

    @Test
    void activityRetriesWriteNoEventsUntilTheFinalOutcome() {
        String workflowId = newWorkflowId();
        start(workflowId);
        complete(pollWorkflowTask(workflowId), activity("1", FAST_RETRY));
        var attempt1 = pollActivityTask(workflowId);
        int length = eventTypes(workflowId).size();

        failActivity(attempt1, Failure.application("Flaky", "first", false));
        var attempt2 = pollActivityTask(workflowId);
        assertThat(attempt2.attempt()).isEqualTo(2);
        assertThat(eventTypes(workflowId)).hasSize(length);
        var pending = describe(workflowId).pendingActivities().getFirst();
        assertThat(pending.attempt()).isEqualTo(2);
        assertThat(pending.state()).isEqualTo("STARTED");
        assertThat(pending.lastFailure().message()).isEqualTo("first");

        failActivity(attempt2, Failure.application("Flaky", "second", false));
        assertTaskNotFound(() -> failActivity(attempt2, Failure.application("Flaky", "again", false)));
        var attempt3 = pollActivityTask(workflowId);
        completeActivity(attempt3, Json.tree("paid"));

        List<HistoryEvent> events = events(workflowId);
        var started = events.get(length).attributes(EventAttributes.ActivityTaskStarted.class);
        assertThat(started.attempt()).isEqualTo(3);
        assertThat(started.lastFailure().message()).isEqualTo("second");
        assertThat(events.get(length + 1).eventType()).isEqualTo(ActivityTaskCompleted);
        assertThat(events).hasSize(length + 3);
    }

    @Test
    void nonRetryableFailureClosesTheActivityAtOnce() {
        String workflowId = newWorkflowId();
        start(workflowId);
        complete(pollWorkflowTask(workflowId), activity("1", FAST_RETRY));
        failActivity(pollActivityTask(workflowId), Failure.application("Fatal", "no way", true));

        var events = events(workflowId);
        assertThat(events.subList(4, events.size()))
                .extracting(HistoryEvent::eventType)
                .containsExactly(ActivityTaskScheduled, ActivityTaskStarted, ActivityTaskFailed, WorkflowTaskScheduled);
        var failed = events.get(6).attributes(EventAttributes.ActivityTaskFailed.class);
        assertThat(failed.retryState()).isEqualTo(RetryState.NON_RETRYABLE_FAILURE);
        assertThat(failed.startedEventId()).isEqualTo(6);
        assertThat(failed.failure().message()).isEqualTo("no way");
    }

    @Test
    void retriesEndWithMaximumAttemptsAndActivityTimeoutsAreRetriedThenRecorded() {
        String workflowId = newWorkflowId();
        start(workflowId);
        var policy = new RetryPolicy(Duration.ofMillis(50), 1.0, null, 2, List.of());
        var shortActivity = new Command.ScheduleActivityTask(
                "1", "Slow", QUEUE, null, null, null, Duration.ofMillis(300), null, policy);
        complete(pollWorkflowTask(workflowId), shortActivity);
        pollActivityTask(workflowId);
        var second = pollActivityTask(workflowId);
        assertThat(second.attempt()).isEqualTo(2);

        awaitHistoryLength(workflowId, 8);
        var events = events(workflowId);
        assertThat(events.subList(5, 8))
                .extracting(HistoryEvent::eventType)
                .containsExactly(ActivityTaskStarted, ActivityTaskTimedOut, WorkflowTaskScheduled);
        var timedOut = events.get(6).attributes(EventAttributes.ActivityTaskTimedOut.class);
        assertThat(timedOut.retryState()).isEqualTo(RetryState.MAXIMUM_ATTEMPTS_REACHED);
        assertThat(timedOut.failure().timeoutType()).isEqualTo(TimeoutType.START_TO_CLOSE);
    }

    @Test
    void missedHeartbeatsTimeOutTheAttemptAndDetailsReachTheNextAttempt() {
        String workflowId = newWorkflowId();
        start(workflowId);
        var policy = new RetryPolicy(Duration.ofMillis(50), 1.0, null, 2, null);
        var heartbeating = new Command.ScheduleActivityTask(
                "1", "Long", QUEUE, null, null, null, Duration.ofSeconds(30), Duration.ofMillis(1500), policy);
        complete(pollWorkflowTask(workflowId), heartbeating);
        var attempt1 = pollActivityTask(workflowId);
        var response = join(history.recordActivityTaskHeartbeat(new RecordActivityTaskHeartbeat(
                TaskToken.decode(attempt1.taskToken()), new HeartbeatRequest(attempt1.taskToken(), Json.tree(42)))));
        assertThat(response.cancelRequested()).isFalse();

        var attempt2 = pollActivityTask(workflowId);
        assertThat(attempt2.attempt()).isEqualTo(2);
        assertThat(attempt2.heartbeatDetails()).isEqualTo(Json.tree(42));
        assertTaskNotFound(() -> completeActivity(attempt1, Json.tree("late")));

        awaitHistoryLength(workflowId, 8);
        var timedOut = events(workflowId).get(6).attributes(EventAttributes.ActivityTaskTimedOut.class);
        assertThat(timedOut.failure().timeoutType()).isEqualTo(TimeoutType.HEARTBEAT);
        assertThat(timedOut.retryState()).isEqualTo(RetryState.MAXIMUM_ATTEMPTS_REACHED);
    }

    @Test
    void scheduleToCloseTimeoutEndsAnActivityThatNeverStarted() {
        String workflowId = newWorkflowId();
        start(workflowId);
        var bounded = new Command.ScheduleActivityTask(
                "1", "Never", QUEUE, null, Duration.ofMillis(400), null, null, null, null);
        complete(pollWorkflowTask(workflowId), bounded);
        matching.nextActivityTask(workflowId, WAIT);

        awaitHistoryLength(workflowId, 7);
        var events = events(workflowId);
        assertThat(events.subList(4, 7))
                .extracting(HistoryEvent::eventType)
                .containsExactly(ActivityTaskScheduled, ActivityTaskTimedOut, WorkflowTaskScheduled);
        var timedOut = events.get(5).attributes(EventAttributes.ActivityTaskTimedOut.class);
        assertThat(timedOut.startedEventId()).isZero();
        assertThat(timedOut.retryState()).isEqualTo(RetryState.TIMEOUT);
        assertThat(timedOut.failure().timeoutType()).isEqualTo(TimeoutType.SCHEDULE_TO_CLOSE);
        assertThat(events.get(4)
                        .attributes(EventAttributes.ActivityTaskScheduled.class)
                        .startToCloseTimeout())
                .isEqualTo(Duration.ofMillis(400));
    }

    @Test
    void failedWorkflowTaskIsRetriedTransientlyUntilAnAttemptCompletes() {
        String workflowId = newWorkflowId();
        start(workflowId);
        failWorkflowTask(pollWorkflowTask(workflowId), "attempt 1");
        assertThat(eventTypes(workflowId))
                .containsExactly(
                        WorkflowExecutionStarted, WorkflowTaskScheduled, WorkflowTaskStarted, WorkflowTaskFailed);

        var attempt2 = pollWorkflowTask(workflowId);
        assertThat(attempt2.attempt()).isEqualTo(2);
        assertThat(attempt2.history()).extracting(HistoryEvent::eventId).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(attempt2.history()
                        .get(4)
                        .attributes(EventAttributes.WorkflowTaskScheduled.class)
                        .attempt())
                .isEqualTo(2);
        failWorkflowTask(attempt2, "attempt 2");
        assertThat(eventTypes(workflowId)).hasSize(4);
        var pending = describe(workflowId).pendingWorkflowTask();
        assertThat(pending.attempt()).isEqualTo(3);
        assertThat(pending.lastFailure().message()).isEqualTo("attempt 2");
        assertThat(describe(workflowId).status()).isEqualTo(WorkflowStatus.RUNNING);

        signal(workflowId, "meanwhile", null);
        assertThat(eventTypes(workflowId)).hasSize(4);

        var attempt3 = pollWorkflowTask(workflowId);
        assertThat(attempt3.attempt()).isEqualTo(3);
        assertThat(attempt3.history()).hasSize(6);
        complete(attempt3, completeWorkflow("fixed"));

        assertThat(eventTypes(workflowId))
                .containsExactly(
                        WorkflowExecutionStarted,
                        WorkflowTaskScheduled,
                        WorkflowTaskStarted,
                        WorkflowTaskFailed,
                        WorkflowTaskScheduled,
                        WorkflowTaskStarted,
                        WorkflowTaskFailed,
                        WorkflowExecutionSignaled,
                        WorkflowTaskScheduled);
        var completion = pollWorkflowTask(workflowId);
        assertThat(completion.history().get(6).eventType()).isEqualTo(WorkflowTaskFailed);
        assertThat(completion
                        .history()
                        .get(6)
                        .attributes(EventAttributes.WorkflowTaskFailed.class)
                        .cause())
                .isEqualTo(WorkflowTaskFailedCause.UNHANDLED_COMMAND);
        complete(completion, completeWorkflow("fixed"));
        assertThat(eventTypes(workflowId)).endsWith(WorkflowTaskCompleted, WorkflowExecutionCompleted);
    }

    @Test
    void workflowTaskTimeoutIsRecordedAndTheTaskRescheduled() {
        String workflowId = newWorkflowId();
        start(
                workflowId,
                new StartWorkflowRequest("Hello", QUEUE, null, null, null, null, Duration.ofMillis(1500), null));
        pollWorkflowTask(workflowId);
        var retry = pollWorkflowTask(workflowId);
        assertThat(retry.attempt()).isEqualTo(2);
        assertThat(eventTypes(workflowId))
                .containsExactly(
                        WorkflowExecutionStarted, WorkflowTaskScheduled, WorkflowTaskStarted, WorkflowTaskTimedOut);
        complete(retry);
        assertThat(eventTypes(workflowId)).hasSize(7).endsWith(WorkflowTaskCompleted);
    }

    @Test
    void badCommandFailsTheWorkflowTaskInsteadOfWritingIt() {
        String workflowId = newWorkflowId();
        start(workflowId);
        var task = pollWorkflowTask(workflowId);
        assertThat(errorOf(() -> complete(
                        task,
                        new Command.StartTimer("t", Duration.ofSeconds(1)),
                        new Command.StartTimer("t", Duration.ofSeconds(1)))))
                .isEqualTo(ErrorType.INVALID_ARGUMENT);
        var events = events(workflowId);
        assertThat(events).extracting(HistoryEvent::eventType).endsWith(WorkflowTaskFailed);
        assertThat(events.getLast()
                        .attributes(EventAttributes.WorkflowTaskFailed.class)
                        .cause())
                .isEqualTo(WorkflowTaskFailedCause.BAD_COMMAND);
        var noTimeout = new Command.ScheduleActivityTask("a", "Greet", QUEUE, null, null, null, null, null, null);
        var retry = pollWorkflowTask(workflowId);
        assertThat(errorOf(() -> complete(retry, noTimeout))).isEqualTo(ErrorType.INVALID_ARGUMENT);
        assertThat(describe(workflowId).pendingWorkflowTask().attempt()).isEqualTo(3);
    }

    @Test
    void staleOrRepeatedTokensAreTaskNotFoundAndWriteNothing() {
        String workflowId = newWorkflowId();
        String runId = start(workflowId);
        var added = matching.nextWorkflowTask(workflowId, WAIT);
        var record = new RecordWorkflowTaskStarted(
                NS, workflowId, runId, QUEUE, added.scheduledEventId(), "poll-1", "worker-1");
        var task = join(history.recordWorkflowTaskStarted(record));
        assertThat(join(history.recordWorkflowTaskStarted(record)).taskToken()).isEqualTo(task.taskToken());
        assertTaskNotFound(() -> join(history.recordWorkflowTaskStarted(new RecordWorkflowTaskStarted(
                NS, workflowId, runId, QUEUE, added.scheduledEventId(), "poll-2", "worker-2"))));

        complete(task, new Command.StartTimer("t", Duration.ofHours(1)));
        int length = eventTypes(workflowId).size();
        assertTaskNotFound(() -> complete(task, completeWorkflow("again")));
        assertTaskNotFound(() -> failWorkflowTask(task, "late"));
        assertThat(eventTypes(workflowId)).hasSize(length);
    }

    @Test
    void outboxRowsMatchingDidNotTakeAreSentAgain() {
        matching.refuseNext(1);
        String workflowId = newWorkflowId();
        String runId = start(workflowId);

        var task = pollWorkflowTask(workflowId);
        assertThat(task.runId()).isEqualTo(runId);
        await().atMost(WAIT).until(() -> server.relay().inFlight() == 0);
    }

    @Test
    void timerFiresAfterTheEngineRestarts() {
        String workflowId = newWorkflowId();
        start(workflowId);
        complete(pollWorkflowTask(workflowId), new Command.StartTimer("nap", Duration.ofMillis(1500)));
        server.stop();

        server = newServer(bus);
        server.start();

        var afterTimer = pollWorkflowTask(workflowId);
        assertThat(afterTimer.history())
                .extracting(HistoryEvent::eventType)
                .containsExactly(
                        WorkflowExecutionStarted,
                        WorkflowTaskScheduled,
                        WorkflowTaskStarted,
                        WorkflowTaskCompleted,
                        TimerStarted,
                        TimerFired,
                        WorkflowTaskScheduled,
                        WorkflowTaskStarted);
        assertThat(afterTimer
                        .history()
                        .get(5)
                        .attributes(EventAttributes.TimerFired.class)
                        .startedEventId())
                .isEqualTo(5);
    }

    @Test
    void workflowRunTimeoutClosesTheRun() {
        String workflowId = newWorkflowId();
        start(
                workflowId,
                new StartWorkflowRequest("Hello", QUEUE, null, null, null, Duration.ofMillis(500), null, null));
        var result = result(workflowId, Duration.ofSeconds(10));
        assertThat(result.status()).isEqualTo(WorkflowStatus.TIMED_OUT);
        assertThat(eventTypes(workflowId)).endsWith(WorkflowExecutionTimedOut);
    }

    @Test
    void aStaleShardOwnerCannotCommit() {
        String workflowId = newWorkflowId();
        start(workflowId);
        var task = pollWorkflowTask(workflowId);

        var otherBus = new InJvmMessageBus(2);
        var otherMatching = new FakeMatching(otherBus);
        HistoryServer newOwner = newServer(otherBus);
        newOwner.start();
        try {
            assertThat(errorOf(() -> complete(task, completeWorkflow("stale")))).isEqualTo(ErrorType.UNAVAILABLE);
            assertThat(errorOf(() -> start(newWorkflowId()))).isEqualTo(ErrorType.UNAVAILABLE);

            var newClient = new HistoryClient(otherBus);
            var events = join(newClient.getWorkflowExecutionHistory(
                            new GetWorkflowExecutionHistory(NS, workflowId, null, 100, null)))
                    .events();
            assertThat(events).extracting(HistoryEvent::eventType).doesNotContain(WorkflowExecutionCompleted);
            join(newClient.respondWorkflowTaskCompleted(new RespondWorkflowTaskCompleted(
                    TaskToken.decode(task.taskToken()),
                    new CompleteWorkflowTaskRequest(task.taskToken(), List.of(completeWorkflow("new owner")), "w"))));
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(join(newClient.getWorkflowExecutionHistory(
                                            new GetWorkflowExecutionHistory(NS, workflowId, null, 100, null)))
                                    .events())
                            .extracting(HistoryEvent::eventType)
                            .endsWith(WorkflowExecutionCompleted));
        } finally {
            newOwner.stop();
            otherMatching.close();
            otherBus.close();
        }
    }
}
