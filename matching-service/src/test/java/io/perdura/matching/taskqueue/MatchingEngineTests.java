package io.perdura.matching.taskqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.perdura.common.api.ActivityTask;
import io.perdura.common.api.CompleteQueryTaskRequest;
import io.perdura.common.api.QueryResponse;
import io.perdura.common.api.TaskToken;
import io.perdura.common.api.WorkflowQuery;
import io.perdura.common.api.WorkflowTask;
import io.perdura.common.error.ErrorType;
import io.perdura.common.error.PerduraException;
import io.perdura.common.json.Json;
import io.perdura.common.model.Failure;
import io.perdura.common.service.HistoryRequest.RecordActivityTaskStarted;
import io.perdura.common.service.HistoryRequest.RecordWorkflowTaskStarted;
import io.perdura.common.service.MatchingRequest.*;
import io.perdura.matching.MatchingProperties;
import io.perdura.matching.persistence.BacklogTask;
import io.perdura.matching.persistence.JdbcTaskBacklogStore;
import io.perdura.matching.persistence.MatchingFlyway;
import io.perdura.matching.persistence.ScheduledTask;
import io.perdura.matching.persistence.TaskQueueKey;
import io.perdura.matching.persistence.TestDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The matching engine over a real in-JVM bus, a fake history and an H2 backlog. */
class MatchingEngineTests {

    private static final String NAMESPACE = "default";
    private static final String QUEUE = "orders";
    private static final TaskQueueKey WORKFLOWS = new TaskQueueKey(NAMESPACE, QUEUE, TaskQueueKind.WORKFLOW);
    private static final TaskQueueKey ACTIVITIES = new TaskQueueKey(NAMESPACE, QUEUE, TaskQueueKind.ACTIVITY);
    private static final Duration LONG = Duration.ofSeconds(10);

    private final MatchingProperties properties = new MatchingProperties();
    private HikariDataSource dataSource;
    private MatchingNode node;

    @BeforeEach
    void startNode() {
        dataSource = TestDatabases.h2(
                "matching_engine_" + UUID.randomUUID().toString().replace("-", ""));
        MatchingFlyway.migrate(dataSource);
        properties.setBacklogReadBatchSize(2);
        properties.setQueryHistoryPageSize(1);
        properties.setSyncMatchWait(Duration.ofMillis(100));
        node = new MatchingNode(dataSource, properties);
    }

    @AfterEach
    void stopNode() {
        node.close();
        dataSource.close();
    }

    @Test
    void handsANewTaskStraightToAWaitingPollerWithoutWritingIt() {
        CompletableFuture<WorkflowTask> poll = pollWorkflow("poll-1", LONG);
        CompletableFuture<Void> added = addWorkflow("wf-1", 2);

        WorkflowTask task = result(poll);
        assertThat(task.workflowId()).isEqualTo("wf-1");
        assertThat(task.query()).isNull();
        assertThat(result(added)).isNull();
        assertThat(node.history.started)
                .singleElement()
                .isInstanceOfSatisfying(RecordWorkflowTaskStarted.class, started -> {
                    assertThat(started.pollRequestId()).isEqualTo("poll-1");
                    assertThat(started.identity()).isEqualTo("worker-1");
                    assertThat(started.taskQueue()).isEqualTo(QUEUE);
                });
        assertThat(node.store.inserts).hasValue(0);
        assertThat(backlog(WORKFLOWS)).isEmpty();
    }

    @Test
    void handsAnActivityAttemptToAWaitingPoller() {
        CompletableFuture<ActivityTask> poll = pollActivity(LONG);
        CompletableFuture<Void> added =
                node.matching.addActivityTask(new AddActivityTask(NAMESPACE, QUEUE, "wf-1", "run-wf-1", 5, 3));

        ActivityTask task = result(poll);
        assertThat(task.attempt()).isEqualTo(3);
        assertThat(task.activityId()).isEqualTo("activity-5");
        assertThat(result(added)).isNull();
        assertThat(node.history.started)
                .singleElement()
                .isInstanceOfSatisfying(
                        RecordActivityTaskStarted.class,
                        started -> assertThat(started.attempt()).isEqualTo(3));
        assertThat(node.store.inserts).hasValue(0);
    }

    @Test
    void theNewestWaitingPollGetsTheTaskSinceOldPollsMayBelongToADeadWorker() {
        CompletableFuture<WorkflowTask> old = pollWorkflow("poll-old", LONG);
        CompletableFuture<WorkflowTask> newest = pollWorkflow("poll-new", LONG);

        addWorkflow("wf-1", 2);

        assertThat(result(newest).workflowId()).isEqualTo("wf-1");
        assertThat(old).isNotDone();
    }

    @Test
    void cancelledPollsOfAShutDownWorkerGetNoTaskAndOthersStillDo() {
        CompletableFuture<WorkflowTask> gone = pollWorkflow("poll-1", LONG);
        CompletableFuture<WorkflowTask> other = node.matching.pollWorkflowTaskQueue(
                new PollWorkflowTaskQueue(NAMESPACE, QUEUE, "worker-2", "poll-2", LONG));

        assertThat(result(node.matching.cancelPolls(
                        new CancelPolls(NAMESPACE, QUEUE, TaskQueueKind.WORKFLOW, "worker-1"))))
                .isNull();
        assertThat(result(gone)).isNull();
        addWorkflow("wf-1", 2);

        assertThat(result(other).workflowId()).isEqualTo("wf-1");
    }

    @Test
    void holdsANewTaskBrieflyForAPollerThatComesJustAfter() {
        CompletableFuture<Void> added = addWorkflow("wf-1", 2);
        CompletableFuture<WorkflowTask> poll = pollWorkflow("poll-1", LONG);

        assertThat(result(poll).workflowId()).isEqualTo("wf-1");
        assertThat(result(added)).isNull();
        assertThat(node.store.inserts).hasValue(0);
    }

    @Test
    void acknowledgesAHeldTaskOnlyOnceStored() {
        long start = System.nanoTime();

        assertThat(result(addWorkflow("wf-1", 2))).isNull();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(node.store.inserts).hasValue(1);
        assertThat(backlog(WORKFLOWS)).hasSize(1);
    }

    @Test
    void storesATaskAtOnceWhenThereIsNoSyncMatchWait() {
        node.close();
        properties.setSyncMatchWait(Duration.ZERO);
        node = new MatchingNode(dataSource, properties);
        long start = System.nanoTime();

        assertThat(result(addWorkflow("wf-1", 2))).isNull();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_000));
        assertThat(backlog(WORKFLOWS)).hasSize(1);
    }

    @Test
    void failsHeldTasksWhenStoppingSoThatHistorySendsThemAgain() {
        properties.setSyncMatchWait(Duration.ofSeconds(30));
        node.close();
        node = new MatchingNode(dataSource, properties);
        CompletableFuture<Void> added = addWorkflow("wf-1", 2);
        // a later message on the same queue is handled after the add
        assertThat(failure(node.matching.respondQueryTaskCompleted(new RespondQueryTaskCompleted(
                                NAMESPACE, QUEUE, "no-such-query", new CompleteQueryTaskRequest("t", null, null))))
                        .errorType())
                .isEqualTo(ErrorType.TASK_NOT_FOUND);

        node.engine.close();

        assertThat(failure(added).errorType()).isEqualTo(ErrorType.UNAVAILABLE);
        assertThat(backlog(WORKFLOWS)).isEmpty();
    }

    @Test
    void storesATaskWhenNoPollerWaitsAndHandsItToTheNextPoller() {
        assertThat(result(addWorkflow("wf-1", 2))).isNull();

        assertThat(backlog(WORKFLOWS))
                .extracting(row -> row.task().workflowId())
                .containsExactly("wf-1");
        assertThat(node.history.started).isEmpty();

        WorkflowTask task = result(pollWorkflow("poll-1", LONG));

        assertThat(task.workflowId()).isEqualTo("wf-1");
        await().untilAsserted(() -> assertThat(backlog(WORKFLOWS)).isEmpty());
    }

    @Test
    void answersAPollWithNoTaskOnceItsTimeoutElapses() {
        long start = System.nanoTime();

        WorkflowTask task = result(pollWorkflow("poll-1", Duration.ofMillis(150)));

        assertThat(task).isNull();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        assertThat(result(addWorkflow("wf-1", 2))).isNull();
        assertThat(backlog(WORKFLOWS)).hasSize(1);
    }

    @Test
    void deliversATaskAddedTwiceOnlyOnce() {
        CompletableFuture<Void> first = addWorkflow("wf-1", 2);
        CompletableFuture<Void> second = addWorkflow("wf-1", 2);
        assertThat(result(first)).isNull();
        assertThat(result(second)).isNull();
        assertThat(result(addWorkflow("wf-1", 2))).isNull();

        assertThat(backlog(WORKFLOWS)).hasSize(1);
        assertThat(result(pollWorkflow("poll-1", LONG)).workflowId()).isEqualTo("wf-1");
        assertThat(result(pollWorkflow("poll-2", Duration.ofMillis(200)))).isNull();
        assertThat(node.history.started).hasSize(1);
    }

    @Test
    void acknowledgesARepeatOfATaskBeingMatchedOnlyWithTheFirst() {
        CompletableFuture<Void> gate = node.history.holdStarts();
        CompletableFuture<WorkflowTask> poll = pollWorkflow("poll-1", LONG);
        CompletableFuture<Void> first = addWorkflow("wf-1", 2);
        await().until(() -> node.history.started.size() == 1);

        CompletableFuture<Void> repeat = addWorkflow("wf-1", 2);
        CompletableFuture<WorkflowTask> secondPoll = pollWorkflow("poll-2", Duration.ofMillis(300));
        assertThat(result(secondPoll)).isNull();
        assertThat(first).isNotDone();
        assertThat(repeat).isNotDone();

        gate.complete(null);

        assertThat(result(poll).workflowId()).isEqualTo("wf-1");
        assertThat(result(first)).isNull();
        assertThat(result(repeat)).isNull();
        assertThat(node.history.started).hasSize(1);
        assertThat(node.store.inserts).hasValue(0);
    }

    @Test
    void keepsTheBacklogAcrossARestartAndServesItOldestFirst() {
        for (long scheduledEventId = 5; scheduledEventId <= 9; scheduledEventId++) {
            assertThat(result(node.matching.addActivityTask(
                            new AddActivityTask(NAMESPACE, QUEUE, "wf-1", "run-wf-1", scheduledEventId, 1))))
                    .isNull();
        }
        node.close();

        node = new MatchingNode(dataSource, properties);
        List<Long> delivered = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            delivered.add(Long.parseLong(result(pollActivity(LONG)).activityId().substring("activity-".length())));
        }

        assertThat(delivered).containsExactly(5L, 6L, 7L, 8L, 9L);
        assertThat(result(pollActivity(Duration.ofMillis(100)))).isNull();
        await().untilAsserted(() -> assertThat(backlog(ACTIVITIES)).isEmpty());
    }

    @Test
    void servesStoredTasksBeforeLaterOnesBeyondTheInMemoryWindow() {
        for (long scheduledEventId = 1; scheduledEventId <= 5; scheduledEventId++) {
            assertThat(result(addWorkflow("wf-" + scheduledEventId, scheduledEventId)))
                    .isNull();
        }

        List<String> delivered = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            delivered.add(result(pollWorkflow("poll-" + i, LONG)).workflowId());
        }

        assertThat(delivered).containsExactly("wf-1", "wf-2", "wf-3", "wf-4", "wf-5");
    }

    @Test
    void dropsAStaleTaskAndGivesThePollerTheNextOne() {
        CompletableFuture<WorkflowTask> poll = pollWorkflow("poll-1", LONG);
        node.history.markStale("run-wf-1", 2);

        assertThat(result(addWorkflow("wf-1", 2))).isNull();
        assertThat(poll).isNotDone();
        assertThat(result(addWorkflow("wf-2", 2))).isNull();

        assertThat(result(poll).workflowId()).isEqualTo("wf-2");
        assertThat(node.store.inserts).hasValue(0);
    }

    @Test
    void dropsAStaleStoredTask() {
        assertThat(result(addWorkflow("wf-1", 2))).isNull();
        node.history.markStale("run-wf-1", 2);

        assertThat(result(pollWorkflow("poll-1", Duration.ofMillis(300)))).isNull();
        await().untilAsserted(() -> assertThat(backlog(WORKFLOWS)).isEmpty());
    }

    @Test
    void aStoredTaskHistoryCannotStartStepsAsideSoTheTasksBehindItStillFlow() {
        assertThat(result(addWorkflow("wf-1", 2))).isNull();
        assertThat(result(addWorkflow("wf-2", 2))).isNull();
        node.history.markBroken("run-wf-1", 2);

        assertThat(result(pollWorkflow("poll-1", LONG)).workflowId()).isEqualTo("wf-2");

        node.history.heal("run-wf-1", 2);
        assertThat(result(pollWorkflow("poll-2", LONG)).workflowId()).isEqualTo("wf-1");
        await().untilAsserted(() -> assertThat(backlog(WORKFLOWS)).isEmpty());
    }

    @Test
    void storesTheTaskWhenHistoryCannotRecordItStarted() {
        node.history.unavailable(true);
        CompletableFuture<WorkflowTask> poll = pollWorkflow("poll-1", LONG);

        assertThat(result(addWorkflow("wf-1", 2))).isNull();

        assertThat(failure(poll).errorType()).isEqualTo(ErrorType.UNAVAILABLE);
        assertThat(backlog(WORKFLOWS)).hasSize(1);
        node.history.unavailable(false);
        assertThat(result(pollWorkflow("poll-2", LONG)).workflowId()).isEqualTo("wf-1");
        await().untilAsserted(() -> assertThat(backlog(WORKFLOWS)).isEmpty());
    }

    @Test
    void survivesAnUnreachableBacklogWithoutAcknowledgingOrDroppingATask() {
        node.close();
        properties.setBacklogRetryDelay(Duration.ofMillis(100));
        node = new MatchingNode(dataSource, properties);
        node.store.down(true);

        // no poller and no backlog: not acknowledged, so history sends it again later
        assertThat(failure(addWorkflow("wf-1", 2)).errorType()).isEqualTo(ErrorType.UNAVAILABLE);
        // the backlog cannot be read, yet a waiting poller still gets a new task by sync match
        CompletableFuture<WorkflowTask> first = pollWorkflow("poll-1", LONG);
        assertThat(result(addWorkflow("wf-2", 2))).isNull();
        assertThat(result(first).workflowId()).isEqualTo("wf-2");
        CompletableFuture<WorkflowTask> second = pollWorkflow("poll-2", LONG);
        // in the backlog already (stored by the queue's previous owner, say), but unreadable for now
        new JdbcTaskBacklogStore(dataSource).insert(WORKFLOWS, new ScheduledTask("wf-3", "run-wf-3", 2, 0));
        assertThat(second).isNotDone();

        node.store.down(false);

        // nothing else happens on the queue: the read retried after the failed ones finds it
        assertThat(result(second).workflowId()).isEqualTo("wf-3");
        assertThat(result(addWorkflow("wf-1", 2))).isNull();
        assertThat(result(pollWorkflow("poll-3", LONG)).workflowId()).isEqualTo("wf-1");
        await().untilAsserted(() -> assertThat(backlog(WORKFLOWS)).isEmpty());
    }

    @Test
    void handsAQueryToAWaitingPollerAndReturnsItsAnswer() {
        CompletableFuture<WorkflowTask> poll = pollWorkflow("poll-1", LONG);
        CompletableFuture<QueryResponse> query = query(null, LONG);

        WorkflowTask task = result(poll);
        assertThat(task.query().queryType()).isEqualTo("status");
        assertThat(task.workflowId()).isEqualTo("wf-1");
        assertThat(task.runId()).isEqualTo(FakeHistory.CURRENT_RUN);
        assertThat(task.workflowType()).isEqualTo("OrderWorkflow");
        assertThat(task.history()).extracting(event -> event.eventId()).containsExactly(1L, 2L, 3L);
        TaskToken token = TaskToken.decode(task.taskToken());
        assertThat(token.kind()).isEqualTo(TaskToken.Kind.QUERY);
        assertThat(token.taskQueue()).isEqualTo(QUEUE);
        assertThat(token.runId()).isEqualTo(FakeHistory.CURRENT_RUN);
        assertThat(query).isNotDone();

        assertThat(result(answer(token, Json.tree("WAITING"), null))).isNull();

        assertThat(result(query).result().asString()).isEqualTo("WAITING");
        assertThat(node.history.started).isEmpty();
        assertThat(node.store.inserts).hasValue(0);
    }

    @Test
    void handsAWaitingQueryToTheNextPollerBeforeStoredTasks() {
        assertThat(result(addWorkflow("wf-2", 2))).isNull();
        CompletableFuture<QueryResponse> query = query(FakeHistory.CURRENT_RUN, LONG);
        await().until(() -> node.engine.waitingQueries(WORKFLOWS) == 1);

        WorkflowTask first = result(pollWorkflow("poll-1", LONG));
        WorkflowTask second = result(pollWorkflow("poll-2", LONG));

        assertThat(first.query()).isNotNull();
        assertThat(second.query()).isNull();
        assertThat(second.workflowId()).isEqualTo("wf-2");
        assertThat(result(answer(TaskToken.decode(first.taskToken()), Json.tree(7), null)))
                .isNull();
        assertThat(result(query).result().asInt()).isEqualTo(7);
    }

    @Test
    void failsAQueryNoWorkerTakesInTime() {
        PerduraException error = failure(query(null, Duration.ofMillis(200)));

        assertThat(error.errorType()).isEqualTo(ErrorType.TIMEOUT);
        assertThat(error.getMessage()).contains("no worker answered the query status");
        assertThat(node.engine.waitingQueries(WORKFLOWS)).isZero();
        assertThat(result(pollWorkflow("poll-1", Duration.ofMillis(100)))).isNull();
    }

    @Test
    void failsAQueryWhoseHandlerFailed() {
        CompletableFuture<WorkflowTask> poll = pollWorkflow("poll-1", LONG);
        CompletableFuture<QueryResponse> query = query(null, LONG);
        TaskToken token = TaskToken.decode(result(poll).taskToken());

        assertThat(result(answer(token, null, Failure.application("IllegalStateException", "no such state", false))))
                .isNull();

        PerduraException error = failure(query);
        assertThat(error.errorType()).isEqualTo(ErrorType.QUERY_FAILED);
        assertThat(error.getMessage()).isEqualTo("no such state");
    }

    @Test
    void failsAQueryOfAnUnknownRun() {
        PerduraException error = failure(query("no-such-run", LONG));

        assertThat(error.errorType()).isEqualTo(ErrorType.NOT_FOUND);
    }

    @Test
    void rejectsAnAnswerToAQueryThatIsNotPending() {
        PerduraException error = failure(node.matching.respondQueryTaskCompleted(new RespondQueryTaskCompleted(
                NAMESPACE, QUEUE, "no-such-query", new CompleteQueryTaskRequest("token", Json.tree(1), null))));

        assertThat(error.errorType()).isEqualTo(ErrorType.TASK_NOT_FOUND);
    }

    @Test
    void answersWaitingPollsWithNoTaskWhenStopping() {
        CompletableFuture<WorkflowTask> poll = pollWorkflow("poll-1", LONG);
        // a later message on the same queue is handled after the poll is registered
        assertThat(failure(node.matching.respondQueryTaskCompleted(new RespondQueryTaskCompleted(
                                NAMESPACE, QUEUE, "no-such-query", new CompleteQueryTaskRequest("t", null, null))))
                        .errorType())
                .isEqualTo(ErrorType.TASK_NOT_FOUND);
        assertThat(poll).isNotDone();

        node.engine.close();

        assertThat(result(poll)).isNull();
    }

    @Test
    void answersPollsAtOnceAndRefusesTasksOnceStopped() {
        node.engine.close();
        long start = System.nanoTime();

        assertThat(result(pollWorkflow("poll-1", LONG))).isNull();
        assertThat(result(pollActivity(LONG))).isNull();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(failure(addWorkflow("wf-1", 2)).errorType()).isEqualTo(ErrorType.UNAVAILABLE);
        assertThat(failure(query(null, LONG)).errorType()).isEqualTo(ErrorType.UNAVAILABLE);
        assertThat(backlog(WORKFLOWS)).isEmpty();
    }

    private CompletableFuture<WorkflowTask> pollWorkflow(String pollRequestId, Duration timeout) {
        return node.matching.pollWorkflowTaskQueue(
                new PollWorkflowTaskQueue(NAMESPACE, QUEUE, "worker-1", pollRequestId, timeout));
    }

    private CompletableFuture<ActivityTask> pollActivity(Duration timeout) {
        return node.matching.pollActivityTaskQueue(new PollActivityTaskQueue(
                NAMESPACE, QUEUE, "worker-1", UUID.randomUUID().toString(), timeout));
    }

    private CompletableFuture<Void> addWorkflow(String workflowId, long scheduledEventId) {
        return node.matching.addWorkflowTask(
                new AddWorkflowTask(NAMESPACE, QUEUE, workflowId, "run-" + workflowId, scheduledEventId));
    }

    private CompletableFuture<QueryResponse> query(String runId, Duration timeout) {
        return node.matching.queryWorkflow(
                new QueryWorkflow(NAMESPACE, QUEUE, "wf-1", runId, new WorkflowQuery("status", Json.array()), timeout));
    }

    private CompletableFuture<Void> answer(TaskToken token, tools.jackson.databind.JsonNode result, Failure failure) {
        return node.matching.respondQueryTaskCompleted(new RespondQueryTaskCompleted(
                NAMESPACE,
                token.taskQueue(),
                token.queryId(),
                new CompleteQueryTaskRequest(token.encode(), result, failure)));
    }

    private List<BacklogTask> backlog(TaskQueueKey queue) {
        return new JdbcTaskBacklogStore(dataSource).read(queue, 0, 100);
    }

    private static <T> T result(CompletableFuture<T> future) {
        try {
            return future.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("expected a result", e);
        }
    }

    private static PerduraException failure(CompletableFuture<?> future) {
        try {
            future.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return PerduraException.unwrap(e.getCause());
        } catch (Exception e) {
            throw new AssertionError("expected a failure", e);
        }
        return fail("expected a failure, got a result");
    }
}
