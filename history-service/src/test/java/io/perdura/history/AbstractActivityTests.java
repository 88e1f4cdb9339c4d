package io.perdura.history;

import static io.perdura.common.history.EventType.ActivityTaskCancelRequested;
import static io.perdura.common.history.EventType.ActivityTaskCanceled;
import static io.perdura.common.history.EventType.ActivityTaskCompleted;
import static io.perdura.common.history.EventType.ActivityTaskFailed;
import static io.perdura.common.history.EventType.ActivityTaskScheduled;
import static io.perdura.common.history.EventType.ActivityTaskStarted;
import static io.perdura.common.history.EventType.ActivityTaskTimedOut;
import static io.perdura.common.history.EventType.TimerStarted;
import static io.perdura.common.history.EventType.WorkflowExecutionCompleted;
import static io.perdura.common.history.EventType.WorkflowTaskCompleted;
import static io.perdura.common.history.EventType.WorkflowTaskFailed;
import static io.perdura.common.history.EventType.WorkflowTaskScheduled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.perdura.common.api.ActivityTask;
import io.perdura.common.api.CancelActivityByIdRequest;
import io.perdura.common.api.CancelActivityTaskRequest;
import io.perdura.common.api.CompleteActivityByIdRequest;
import io.perdura.common.api.FailActivityByIdRequest;
import io.perdura.common.api.FailActivityTaskRequest;
import io.perdura.common.api.HeartbeatActivityByIdRequest;
import io.perdura.common.api.HeartbeatRequest;
import io.perdura.common.api.HeartbeatResponse;
import io.perdura.common.api.TaskToken;
import io.perdura.common.command.Command;
import io.perdura.common.error.ErrorType;
import io.perdura.common.history.EventAttributes;
import io.perdura.common.history.EventAttributes.WorkflowTaskFailedCause;
import io.perdura.common.history.EventType;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import io.perdura.common.model.Failure;
import io.perdura.common.model.RetryPolicy;
import io.perdura.common.model.RetryState;
import io.perdura.common.model.TimeoutType;
import io.perdura.common.service.HistoryRequest.RecordActivityTaskHeartbeat;
import io.perdura.common.service.HistoryRequest.RecordActivityTaskHeartbeatById;
import io.perdura.common.service.HistoryRequest.RecordActivityTaskStarted;
import io.perdura.common.service.HistoryRequest.RespondActivityTaskCanceled;
import io.perdura.common.service.HistoryRequest.RespondActivityTaskCanceledById;
import io.perdura.common.service.HistoryRequest.RespondActivityTaskCompletedById;
import io.perdura.common.service.HistoryRequest.RespondActivityTaskFailed;
import io.perdura.common.service.HistoryRequest.RespondActivityTaskFailedById;
import io.perdura.common.service.MatchingRequest.AddActivityTask;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Activities: cancellation (not started, backing off, running, with its outcome buffered, in a
 * closing task), heartbeats and their details across attempts, the heartbeat and schedule-to-start
 * timeouts, the task a worker receives, and answers by activity id. Run on every backend.
 */
abstract class AbstractActivityTests extends AbstractHistoryEngineTests {

    /** The ActivityTaskScheduled event id of the first command of the first workflow task. */
    private static final long SCHEDULED = 5;

    private static final RetryPolicy FAST_RETRY = new RetryPolicy(Duration.ofMillis(50), 1.0, null, 5, null);
    private static final RetryPolicy SLOW_RETRY = new RetryPolicy(Duration.ofHours(1), 1.0, null, 5, null);

    private static Command.ScheduleActivityTask activity(
            Duration scheduleToClose,
            Duration scheduleToStart,
            Duration startToClose,
            Duration heartbeat,
            RetryPolicy retryPolicy) {
        return new Command.ScheduleActivityTask(
                "pay",
                "Charge",
                QUEUE,
                Json.array(12),
                scheduleToClose,
                scheduleToStart,
                startToClose,
                heartbeat,
                retryPolicy);
    }

    private static Command.ScheduleActivityTask activity(RetryPolicy retryPolicy) {
        return activity(null, null, Duration.ofSeconds(30), null, retryPolicy);
    }

    /** Starts a run whose first workflow task schedules {@code activity} (event {@value #SCHEDULED}). */
    private String startWith(Command.ScheduleActivityTask activity) {
        String workflowId = newWorkflowId();
        start(workflowId);
        complete(pollWorkflowTask(workflowId), activity);
        return workflowId;
    }

    /** Signals the run, so that a new workflow task is scheduled, and completes it with {@code commands}. */
    private void nextWorkflowTask(String workflowId, Command... commands) {
        signal(workflowId, "wake", null);
        complete(pollWorkflowTask(workflowId), commands);
    }

    private static Command cancel(long scheduledEventId) {
        return new Command.RequestCancelActivityTask(scheduledEventId);
    }

    private HeartbeatResponse heartbeat(ActivityTask task, JsonNode details) {
        return join(history.recordActivityTaskHeartbeat(new RecordActivityTaskHeartbeat(
                TaskToken.decode(task.taskToken()), new HeartbeatRequest(task.taskToken(), details))));
    }

    private void reportCanceled(ActivityTask task, JsonNode details) {
        join(history.respondActivityTaskCanceled(new RespondActivityTaskCanceled(
                TaskToken.decode(task.taskToken()),
                new CancelActivityTaskRequest(task.taskToken(), details, "worker-1"))));
    }

    private List<EventType> eventTypesFrom(String workflowId, int fromIndex) {
        List<EventType> types = eventTypes(workflowId);
        return types.subList(fromIndex, types.size());
    }

    private int activityTimerRows(String runId) {
        return new JdbcTemplate(dataSource())
                .queryForObject(
                        "SELECT COUNT(*) FROM timer_tasks WHERE run_id = ? AND task_type LIKE 'ACTIVITY%'",
                        Integer.class, runId);
    }

    @Test
    void cancelOfAScheduledActivityCancelsItAfterTheTasksCommandEvents() {
        String workflowId =
                startWith(activity(Duration.ofHours(1), Duration.ofHours(1), Duration.ofSeconds(30), null, FAST_RETRY));
        String runId = describe(workflowId).runId();
        AddActivityTask dispatched = matching.nextActivityTask(workflowId, WAIT);
        assertThat(activityTimerRows(runId)).isEqualTo(2);

        nextWorkflowTask(workflowId, cancel(SCHEDULED), new Command.StartTimer("t", Duration.ofHours(1)));

        List<HistoryEvent> events = events(workflowId);
        assertThat(events.subList(8, events.size()))
                .extracting(HistoryEvent::eventType)
                .containsExactly(
                        WorkflowTaskCompleted,
                        ActivityTaskCancelRequested,
                        TimerStarted,
                        ActivityTaskCanceled,
                        WorkflowTaskScheduled);
        var requested = events.get(9).attributes(EventAttributes.ActivityTaskCancelRequested.class);
        assertThat(requested).isEqualTo(new EventAttributes.ActivityTaskCancelRequested(SCHEDULED, 9));
        assertThat(events.get(11).attributes(EventAttributes.ActivityTaskCanceled.class))
                .isEqualTo(new EventAttributes.ActivityTaskCanceled(null, 10, SCHEDULED, 0, null));
        assertThat(describe(workflowId).pendingActivities()).isEmpty();
        assertThat(activityTimerRows(runId)).as("its timers go with it").isZero();
        assertTaskNotFound(() -> join(history.recordActivityTaskStarted(new RecordActivityTaskStarted(
                NS, workflowId, runId, QUEUE, SCHEDULED, dispatched.attempt(), "poll-late", "worker-1"))));
    }

    @Test
    void cancelOfAnActivityWaitingForItsRetryCancelsItAtOnce() {
        String workflowId = startWith(activity(SLOW_RETRY));
        String runId = describe(workflowId).runId();
        failActivity(pollActivityTask(workflowId), Failure.application("Flaky", "try later", false));
        assertThat(activityTimerRows(runId)).as("the retry timer").isEqualTo(1);

        nextWorkflowTask(workflowId, cancel(SCHEDULED));

        assertThat(eventTypesFrom(workflowId, 8))
                .containsExactly(
                        WorkflowTaskCompleted,
                        ActivityTaskCancelRequested,
                        ActivityTaskCanceled,
                        WorkflowTaskScheduled);
        var canceled = events(workflowId).get(10).attributes(EventAttributes.ActivityTaskCanceled.class);
        assertThat(canceled.startedEventId()).isZero();
        assertThat(canceled.latestCancelRequestedEventId()).isEqualTo(10);
        assertThat(activityTimerRows(runId)).isZero();
        assertThat(describe(workflowId).pendingActivities()).isEmpty();
    }

    @Test
    void aRunningActivityLearnsOfTheCancelFromItsHeartbeatAndReportsItCanceled() {
        String workflowId = startWith(activity(FAST_RETRY));
        ActivityTask task = pollActivityTask(workflowId);
        assertThat(heartbeat(task, Json.tree(1)).cancelRequested()).isFalse();

        nextWorkflowTask(workflowId, cancel(SCHEDULED));

        assertThat(eventTypesFrom(workflowId, 8)).containsExactly(WorkflowTaskCompleted, ActivityTaskCancelRequested);
        var pending = describe(workflowId).pendingActivities().getFirst();
        assertThat(pending.state()).isEqualTo("CANCEL_REQUESTED");
        assertThat(heartbeat(task, Json.tree(2)).cancelRequested()).isTrue();

        signal(workflowId, "meanwhile", null);
        var inFlight = pollWorkflowTask(workflowId);
        reportCanceled(task, Json.tree("stopped at 2"));
        assertThat(eventTypes(workflowId)).hasSize(13);
        complete(inFlight);

        List<HistoryEvent> events = events(workflowId);
        assertThat(events.subList(13, events.size()))
                .extracting(HistoryEvent::eventType)
                .containsExactly(
                        WorkflowTaskCompleted, ActivityTaskStarted, ActivityTaskCanceled, WorkflowTaskScheduled);
        assertThat(events.get(15).attributes(EventAttributes.ActivityTaskCanceled.class))
                .as("the buffered outcome learns its started event id when written")
                .isEqualTo(new EventAttributes.ActivityTaskCanceled(
                        Json.tree("stopped at 2"), 10, SCHEDULED, 15, "worker-1"));
        assertTaskNotFound(() -> reportCanceled(task, null));
        assertThat(describe(workflowId).pendingActivities()).isEmpty();
    }

    @Test
    void reportingCanceledWithoutACancelRequestIsAFailedPrecondition() {
        String workflowId = startWith(activity(FAST_RETRY));
        ActivityTask task = pollActivityTask(workflowId);
        int length = eventTypes(workflowId).size();

        assertThat(errorOf(() -> reportCanceled(task, null))).isEqualTo(ErrorType.FAILED_PRECONDITION);

        assertThat(eventTypes(workflowId)).hasSize(length);
        completeActivity(task, Json.tree("paid"));
        assertThat(eventTypesFrom(workflowId, length))
                .containsExactly(ActivityTaskStarted, ActivityTaskCompleted, WorkflowTaskScheduled);
    }

    @Test
    void aFailureAfterTheCancelRequestIsFinal() {
        String workflowId = startWith(activity(FAST_RETRY));
        ActivityTask task = pollActivityTask(workflowId);
        nextWorkflowTask(workflowId, cancel(SCHEDULED));

        failActivity(task, Failure.application("Flaky", "interrupted", false));

        List<HistoryEvent> events = events(workflowId);
        assertThat(events.subList(10, events.size()))
                .extracting(HistoryEvent::eventType)
                .containsExactly(ActivityTaskStarted, ActivityTaskFailed, WorkflowTaskScheduled);
        var failed = events.get(11).attributes(EventAttributes.ActivityTaskFailed.class);
        assertThat(failed.retryState()).isEqualTo(RetryState.CANCEL_REQUESTED);
        assertThat(failed.failure().message()).isEqualTo("interrupted");
        assertThat(matching.noActivityTask(workflowId, Duration.ofMillis(500))).isTrue();
    }

    @Test
    void aTimeoutAfterTheCancelRequestIsFinal() {
        String workflowId = startWith(activity(null, null, Duration.ofSeconds(2), null, FAST_RETRY));
        pollActivityTask(workflowId);
        nextWorkflowTask(workflowId, cancel(SCHEDULED));

        awaitHistoryLength(workflowId, 13);

        List<HistoryEvent> events = events(workflowId);
        assertThat(events.subList(10, 13))
                .extracting(HistoryEvent::eventType)
                .containsExactly(ActivityTaskStarted, ActivityTaskTimedOut, WorkflowTaskScheduled);
        var timedOut = events.get(11).attributes(EventAttributes.ActivityTaskTimedOut.class);
        assertThat(timedOut.retryState()).isEqualTo(RetryState.CANCEL_REQUESTED);
        assertThat(timedOut.failure().timeoutType()).isEqualTo(TimeoutType.START_TO_CLOSE);
        assertThat(matching.noActivityTask(workflowId, Duration.ofMillis(300))).isTrue();
    }

    @Test
    void cancelOfAnActivityWhoseOutcomeIsBufferedIsWrittenBeforeTheOutcome() {
        String workflowId = startWith(activity(FAST_RETRY));
        ActivityTask task = pollActivityTask(workflowId);
        signal(workflowId, "wake", null);
        var inFlight = pollWorkflowTask(workflowId);
        completeActivity(task, Json.tree("paid"));

        complete(inFlight, cancel(SCHEDULED));

        assertThat(eventTypesFrom(workflowId, 8))
                .containsExactly(
                        WorkflowTaskCompleted,
                        ActivityTaskCancelRequested,
                        ActivityTaskStarted,
                        ActivityTaskCompleted,
                        WorkflowTaskScheduled);
    }

    @Test
    void cancelInATaskThatClosesTheRunWritesNothingAfterTheClosingEvent() {
        String workflowId = startWith(activity(Duration.ofHours(1), null, Duration.ofSeconds(30), null, FAST_RETRY));
        String runId = describe(workflowId).runId();

        nextWorkflowTask(workflowId, cancel(SCHEDULED), completeWorkflow("done"));

        assertThat(eventTypesFrom(workflowId, 8))
                .containsExactly(WorkflowTaskCompleted, ActivityTaskCancelRequested, WorkflowExecutionCompleted);
        assertThat(activityTimerRows(runId)).isZero();
    }

    @Test
    void cancelOfAnUnknownOrAlreadyCanceledActivityIsABadCommand() {
        String workflowId = startWith(activity(FAST_RETRY));
        pollActivityTask(workflowId);
        signal(workflowId, "wake", null);

        var unknown = pollWorkflowTask(workflowId);
        assertThat(errorOf(() -> complete(unknown, cancel(99)))).isEqualTo(ErrorType.INVALID_ARGUMENT);
        var failed = events(workflowId).getLast().attributes(EventAttributes.WorkflowTaskFailed.class);
        assertThat(failed.cause()).isEqualTo(WorkflowTaskFailedCause.BAD_COMMAND);
        assertThat(failed.failure().message()).contains("RequestCancelActivityTask", "99");

        var twice = pollWorkflowTask(workflowId);
        assertThat(errorOf(() -> complete(twice, cancel(SCHEDULED), cancel(SCHEDULED))))
                .isEqualTo(ErrorType.INVALID_ARGUMENT);

        complete(pollWorkflowTask(workflowId), cancel(SCHEDULED));
        signal(workflowId, "again", null);
        var again = pollWorkflowTask(workflowId);
        assertThat(errorOf(() -> complete(again, cancel(SCHEDULED)))).isEqualTo(ErrorType.INVALID_ARGUMENT);
        assertThat(events(workflowId).getLast().eventType()).isEqualTo(WorkflowTaskFailed);
    }

    @Test
    void heartbeatDetailsReachTheNextAttempts() {
        String workflowId = startWith(activity(FAST_RETRY));
        ActivityTask attempt1 = pollActivityTask(workflowId);
        assertThat(attempt1.heartbeatDetails()).isNull();
        heartbeat(attempt1, Json.tree(10));
        heartbeat(attempt1, Json.tree(20));
        failActivity(attempt1, Failure.application("Flaky", "first", false));

        ActivityTask attempt2 = pollActivityTask(workflowId);
        assertThat(attempt2.attempt()).isEqualTo(2);
        assertThat(attempt2.heartbeatDetails()).isEqualTo(Json.tree(20));
        join(history.respondActivityTaskFailed(new RespondActivityTaskFailed(
                TaskToken.decode(attempt2.taskToken()),
                new FailActivityTaskRequest(
                        attempt2.taskToken(),
                        Failure.application("Flaky", "second", false),
                        "worker-1",
                        Json.tree(30)))));

        ActivityTask attempt3 = pollActivityTask(workflowId);
        assertThat(attempt3.heartbeatDetails())
                .as("the details sent with the failure, which no heartbeat carried")
                .isEqualTo(Json.tree(30));
        heartbeat(attempt3, null);
        await().atMost(WAIT).until(() -> server.relay().inFlight() == 0);
        server.stop();
        server = newServer(bus);
        server.start();
        failActivity(attempt3, Failure.application("Flaky", "third", false));

        ActivityTask attempt4 = pollActivityTask(workflowId);
        assertThat(attempt4.heartbeatDetails())
                .as("a heartbeat without details keeps them; they survive a restart")
                .isEqualTo(Json.tree(30));
    }

    @Test
    void anActivityThatStopsHeartbeatingTimesOutAndIsRetried() throws InterruptedException {
        String workflowId =
                startWith(activity(null, null, Duration.ofSeconds(30), Duration.ofMillis(1000), FAST_RETRY));
        ActivityTask attempt1 = pollActivityTask(workflowId);
        long started = System.nanoTime();
        while (Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofMillis(1600)) < 0) {
            Thread.sleep(250); // paces the heartbeats, each well within the timeout
            assertThat(heartbeat(attempt1, Json.tree("alive")).cancelRequested())
                    .isFalse();
        }

        ActivityTask attempt2 = pollActivityTask(workflowId);

        assertThat(attempt2.attempt()).isEqualTo(2);
        assertTaskNotFound(() -> heartbeat(attempt1, null));
        var pending = describe(workflowId).pendingActivities().getFirst();
        assertThat(pending.lastFailure().timeoutType()).isEqualTo(TimeoutType.HEARTBEAT);
        completeActivity(attempt2, Json.tree("paid"));
        var startedEvent = events(workflowId).get(5).attributes(EventAttributes.ActivityTaskStarted.class);
        assertThat(startedEvent.attempt()).isEqualTo(2);
        assertThat(startedEvent.lastFailure().timeoutType()).isEqualTo(TimeoutType.HEARTBEAT);
    }

    @Test
    void anActivityNobodyPicksUpTimesOutScheduleToStartWithoutRetry() {
        String workflowId = startWith(activity(null, Duration.ofMillis(500), Duration.ofSeconds(30), null, FAST_RETRY));
        matching.nextActivityTask(workflowId, WAIT);

        awaitHistoryLength(workflowId, 7);

        List<HistoryEvent> events = events(workflowId);
        assertThat(events.subList(4, 7))
                .extracting(HistoryEvent::eventType)
                .containsExactly(ActivityTaskScheduled, ActivityTaskTimedOut, WorkflowTaskScheduled);
        var timedOut = events.get(5).attributes(EventAttributes.ActivityTaskTimedOut.class);
        assertThat(timedOut.failure().timeoutType()).isEqualTo(TimeoutType.SCHEDULE_TO_START);
        assertThat(timedOut.retryState()).isEqualTo(RetryState.TIMEOUT);
        assertThat(timedOut.startedEventId()).isZero();
        assertThat(matching.noActivityTask(workflowId, Duration.ofMillis(300))).isTrue();
        assertThat(describe(workflowId).pendingActivities()).isEmpty();
    }

    @Test
    void theTaskCarriesWhatTheActivityNeedsToKnow() {
        String workflowId = startWith(
                activity(Duration.ofMinutes(10), null, Duration.ofSeconds(30), Duration.ofSeconds(20), FAST_RETRY));
        ActivityTask attempt1 = pollActivityTask(workflowId);
        failActivity(attempt1, Failure.application("Flaky", "first", false));

        ActivityTask attempt2 = pollActivityTask(workflowId);

        assertThat(attempt2.namespace()).isEqualTo(NS);
        assertThat(attempt2.workflowId()).isEqualTo(workflowId);
        assertThat(attempt2.runId()).isEqualTo(describe(workflowId).runId());
        assertThat(attempt2.workflowType()).isEqualTo("Hello");
        assertThat(attempt2.activityId()).isEqualTo("pay");
        assertThat(attempt2.activityType()).isEqualTo("Charge");
        assertThat(attempt2.taskQueue()).isEqualTo(QUEUE);
        assertThat(attempt2.input()).isEqualTo(Json.array(12));
        assertThat(attempt2.attempt()).isEqualTo(2);
        assertThat(attempt2.scheduledTime()).isEqualTo(attempt1.scheduledTime());
        assertThat(attempt2.currentAttemptScheduledTime()).isAfter(attempt1.currentAttemptScheduledTime());
        assertThat(attempt1.currentAttemptScheduledTime()).isEqualTo(attempt1.scheduledTime());
        assertThat(attempt2.startedTime()).isAfterOrEqualTo(attempt2.currentAttemptScheduledTime());
        assertThat(attempt2.scheduleToCloseTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(attempt2.startToCloseTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(attempt2.heartbeatTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(TaskToken.decode(attempt2.taskToken()).attempt()).isEqualTo(2);
    }

    @Test
    void answersByActivityIdGoToTheRunningAttempt() {
        String workflowId = startWith(activity(FAST_RETRY));
        assertThat(errorOf(() -> completeById(workflowId, null, "pay", "early")))
                .as("no attempt running yet")
                .isEqualTo(ErrorType.TASK_NOT_FOUND);
        ActivityTask attempt1 = pollActivityTask(workflowId);

        assertThat(heartbeatById(workflowId, "pay", Json.tree(5)).cancelRequested())
                .isFalse();
        join(history.respondActivityTaskFailedById(new RespondActivityTaskFailedById(
                NS,
                new FailActivityByIdRequest(
                        workflowId, null, "pay", Failure.application("Flaky", "by id", false), "completer", null))));
        assertTaskNotFound(() -> completeActivity(attempt1, Json.tree("late")));

        ActivityTask attempt2 = pollActivityTask(workflowId);
        assertThat(attempt2.attempt()).isEqualTo(2);
        assertThat(attempt2.heartbeatDetails()).isEqualTo(Json.tree(5));
        completeById(workflowId, attempt2.runId(), "pay", "paid");

        List<HistoryEvent> events = events(workflowId);
        assertThat(events.subList(5, events.size()))
                .extracting(HistoryEvent::eventType)
                .containsExactly(ActivityTaskStarted, ActivityTaskCompleted, WorkflowTaskScheduled);
        assertThat(events.get(6).attributes(EventAttributes.ActivityTaskCompleted.class))
                .isEqualTo(new EventAttributes.ActivityTaskCompleted(SCHEDULED, 6, Json.tree("paid"), "completer"));
        assertThat(errorOf(() -> completeById(workflowId, null, "pay", "again")))
                .isEqualTo(ErrorType.TASK_NOT_FOUND);
    }

    @Test
    void unknownActivitiesWorkflowsAndClosedRunsAreNotFoundById() {
        String workflowId = startWith(activity(FAST_RETRY));
        pollActivityTask(workflowId);

        assertThat(errorOf(() -> completeById(workflowId, null, "nope", "x"))).isEqualTo(ErrorType.TASK_NOT_FOUND);
        assertThat(errorOf(() -> completeById("no-such-workflow", null, "pay", "x")))
                .isEqualTo(ErrorType.NOT_FOUND);
        assertThat(errorOf(() -> completeById(workflowId, null, " ", "x"))).isEqualTo(ErrorType.INVALID_ARGUMENT);
        terminate(workflowId);
        assertThat(errorOf(() -> heartbeatById(workflowId, "pay", null))).isEqualTo(ErrorType.TASK_NOT_FOUND);
    }

    @Test
    void anActivityIsReportedCanceledByIdOnceItsWorkflowAsked() {
        String workflowId = startWith(activity(FAST_RETRY));
        pollActivityTask(workflowId);
        assertThat(errorOf(() -> cancelById(workflowId, Json.tree("too soon"))))
                .isEqualTo(ErrorType.FAILED_PRECONDITION);

        nextWorkflowTask(workflowId, cancel(SCHEDULED));
        assertThat(heartbeatById(workflowId, "pay", null).cancelRequested()).isTrue();
        cancelById(workflowId, Json.tree("undone"));

        List<HistoryEvent> events = events(workflowId);
        assertThat(events.subList(10, events.size()))
                .extracting(HistoryEvent::eventType)
                .containsExactly(ActivityTaskStarted, ActivityTaskCanceled, WorkflowTaskScheduled);
        assertThat(events.get(11).attributes(EventAttributes.ActivityTaskCanceled.class))
                .isEqualTo(
                        new EventAttributes.ActivityTaskCanceled(Json.tree("undone"), 10, SCHEDULED, 11, "completer"));
    }

    private void completeById(String workflowId, String runId, String activityId, Object result) {
        join(history.respondActivityTaskCompletedById(new RespondActivityTaskCompletedById(
                NS, new CompleteActivityByIdRequest(workflowId, runId, activityId, Json.tree(result), "completer"))));
    }

    private HeartbeatResponse heartbeatById(String workflowId, String activityId, JsonNode details) {
        return join(history.recordActivityTaskHeartbeatById(new RecordActivityTaskHeartbeatById(
                NS, new HeartbeatActivityByIdRequest(workflowId, null, activityId, details, "completer"))));
    }

    private void cancelById(String workflowId, JsonNode details) {
        join(history.respondActivityTaskCanceledById(new RespondActivityTaskCanceledById(
                NS, new CancelActivityByIdRequest(workflowId, null, "pay", details, "completer"))));
    }
}
