package io.perdura.history;

import static io.perdura.common.history.EventType.ActivityTaskCompleted;
import static io.perdura.common.history.EventType.ActivityTaskScheduled;
import static io.perdura.common.history.EventType.ActivityTaskStarted;
import static io.perdura.common.history.EventType.WorkflowExecutionCompleted;
import static io.perdura.common.history.EventType.WorkflowExecutionSignaled;
import static io.perdura.common.history.EventType.WorkflowExecutionStarted;
import static io.perdura.common.history.EventType.WorkflowExecutionTerminated;
import static io.perdura.common.history.EventType.WorkflowTaskCompleted;
import static io.perdura.common.history.EventType.WorkflowTaskScheduled;
import static io.perdura.common.history.EventType.WorkflowTaskStarted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.perdura.common.api.StartWorkflowRequest;
import io.perdura.common.api.WorkflowExecutionPage;
import io.perdura.common.api.WorkflowResult;
import io.perdura.common.error.ErrorType;
import io.perdura.common.history.EventAttributes;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import io.perdura.common.model.WorkflowStatus;
import io.perdura.common.service.HistoryRequest.GetWorkflowExecutionHistory;
import io.perdura.common.service.HistoryRequest.GetWorkflowExecutionResult;
import io.perdura.common.service.HistoryRequest.ListWorkflowExecutions;
import io.perdura.common.service.HistoryRequest.StartWorkflowExecution;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.node.JsonNodeFactory;

/** The happy paths of a run: start, tasks, signals, results, reads. Run on every backend. */
abstract class AbstractWorkflowLifecycleTests extends AbstractHistoryEngineTests {

    @Test
    void oneActivityWorkflowWritesTemporalsEventSequence() {
        String workflowId = newWorkflowId();
        String runId = start(
                workflowId,
                new StartWorkflowRequest(
                        "Hello", QUEUE, Json.array("Ada"), null, Duration.ofHours(1), null, null, null));
        CompletableFuture<WorkflowResult> resultPoll = history.getWorkflowExecutionResult(
                new GetWorkflowExecutionResult(NS, workflowId, runId, Duration.ofSeconds(30)));

        var firstTask = pollWorkflowTask(workflowId);
        assertThat(firstTask.runId()).isEqualTo(runId);
        assertThat(firstTask.workflowType()).isEqualTo("Hello");
        assertThat(firstTask.history())
                .extracting(HistoryEvent::eventType)
                .containsExactly(WorkflowExecutionStarted, WorkflowTaskScheduled, WorkflowTaskStarted);
        complete(firstTask, activity("1", null));

        var activityTask = pollActivityTask(workflowId);
        assertThat(activityTask.activityType()).isEqualTo("Greet");
        assertThat(activityTask.attempt()).isEqualTo(1);
        assertThat(activityTask.input()).isEqualTo(Json.array("Ada"));
        completeActivity(activityTask, Json.tree("Hello, Ada!"));

        var secondTask = pollWorkflowTask(workflowId);
        assertThat(secondTask.history()).hasSize(9);
        complete(secondTask, completeWorkflow("Hello, Ada!"));

        assertThat(eventTypes(workflowId))
                .containsExactly(
                        WorkflowExecutionStarted,
                        WorkflowTaskScheduled,
                        WorkflowTaskStarted,
                        WorkflowTaskCompleted,
                        ActivityTaskScheduled,
                        ActivityTaskStarted,
                        ActivityTaskCompleted,
                        WorkflowTaskScheduled,
                        WorkflowTaskStarted,
                        WorkflowTaskCompleted,
                        WorkflowExecutionCompleted);
        List<HistoryEvent> events = events(workflowId);
        assertThat(events)
                .extracting(HistoryEvent::eventId)
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
        var completed = events.get(6).attributes(EventAttributes.ActivityTaskCompleted.class);
        assertThat(completed.scheduledEventId()).isEqualTo(5);
        assertThat(completed.startedEventId()).isEqualTo(6);
        assertThat(events.get(5)
                        .attributes(EventAttributes.ActivityTaskStarted.class)
                        .attempt())
                .isEqualTo(1);

        WorkflowResult result = join(resultPoll);
        assertThat(result.status()).isEqualTo(WorkflowStatus.COMPLETED);
        assertThat(result.result()).isEqualTo(Json.tree("Hello, Ada!"));
        var description = describe(workflowId);
        assertThat(description.status()).isEqualTo(WorkflowStatus.COMPLETED);
        assertThat(description.historyLength()).isEqualTo(11);
        assertThat(description.closeTime()).isNotNull();
        assertThat(description.pendingActivities()).isEmpty();
        assertThat(description.pendingWorkflowTask()).isNull();

        var jdbc = new JdbcTemplate(dataSource());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM timer_tasks WHERE run_id = ?", Integer.class, runId))
                .as("timer rows the run consumed or cancelled are deleted with its state changes")
                .isZero();
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(jdbc.queryForObject(
                                "SELECT COUNT(*) FROM transfer_tasks WHERE run_id = ?", Integer.class, runId))
                        .as("outbox rows are deleted once matching took them")
                        .isZero());
    }

    @Test
    void signalWhileWorkflowTaskRunsIsBufferedUntilItCompletes() {
        String workflowId = newWorkflowId();
        start(workflowId);
        var task = pollWorkflowTask(workflowId);

        signal(workflowId, "approve", null);
        assertThat(eventTypes(workflowId))
                .containsExactly(WorkflowExecutionStarted, WorkflowTaskScheduled, WorkflowTaskStarted);

        complete(task);
        assertThat(eventTypes(workflowId))
                .containsExactly(
                        WorkflowExecutionStarted,
                        WorkflowTaskScheduled,
                        WorkflowTaskStarted,
                        WorkflowTaskCompleted,
                        WorkflowExecutionSignaled,
                        WorkflowTaskScheduled);
        var next = pollWorkflowTask(workflowId);
        assertThat(next.history()
                        .get(4)
                        .attributes(EventAttributes.WorkflowExecutionSignaled.class)
                        .signalName())
                .isEqualTo("approve");
    }

    @Test
    void signalWithoutTaskInFlightIsWrittenAtOnceAndDeduplicatedByRequestId() {
        String workflowId = newWorkflowId();
        start(workflowId);
        complete(pollWorkflowTask(workflowId));

        signal(workflowId, "approve", "sig-1");
        signal(workflowId, "approve", "sig-1");
        assertThat(eventTypes(workflowId))
                .containsExactly(
                        WorkflowExecutionStarted,
                        WorkflowTaskScheduled,
                        WorkflowTaskStarted,
                        WorkflowTaskCompleted,
                        WorkflowExecutionSignaled,
                        WorkflowTaskScheduled);
        signal(workflowId, "approve", "sig-2");
        assertThat(eventTypes(workflowId)).hasSize(7).endsWith(WorkflowExecutionSignaled);
    }

    @Test
    void signalOrTerminateOfAClosedRunIsNotFound() {
        String workflowId = newWorkflowId();
        start(workflowId);
        complete(pollWorkflowTask(workflowId), completeWorkflow("done"));

        assertThat(errorOf(() -> signal(workflowId, "late", null))).isEqualTo(ErrorType.NOT_FOUND);
        assertThat(errorOf(() -> terminate(workflowId))).isEqualTo(ErrorType.NOT_FOUND);
        assertThat(errorOf(() -> describe("unknown-" + workflowId))).isEqualTo(ErrorType.NOT_FOUND);
    }

    @Test
    void startIsIdempotentByRequestIdAndRejectsASecondOpenRun() {
        String workflowId = newWorkflowId();
        String runId = start(workflowId, startRequest("req-1"));

        assertThat(start(workflowId, startRequest("req-1"))).isEqualTo(runId);
        assertThat(errorOf(() -> start(workflowId, startRequest("req-2")))).isEqualTo(ErrorType.ALREADY_STARTED);
        assertThat(errorOf(() -> start(workflowId))).isEqualTo(ErrorType.ALREADY_STARTED);

        terminate(workflowId);
        assertThat(start(workflowId, startRequest("req-1"))).isEqualTo(runId);
        String secondRun = start(workflowId, startRequest("req-3"));
        assertThat(secondRun).isNotEqualTo(runId);
        assertThat(describe(workflowId).runId()).isEqualTo(secondRun);
        assertThat(describe(workflowId).status()).isEqualTo(WorkflowStatus.RUNNING);
    }

    @Test
    void startValidatesItsRequest() {
        String workflowId = newWorkflowId();
        assertThat(errorOf(() -> join(history.startWorkflowExecution(
                        new StartWorkflowExecution("no-such-namespace", workflowId, startRequest(null))))))
                .isEqualTo(ErrorType.NAMESPACE_NOT_FOUND);
        assertThat(errorOf(() ->
                        start(workflowId, new StartWorkflowRequest(null, QUEUE, null, null, null, null, null, null))))
                .isEqualTo(ErrorType.INVALID_ARGUMENT);
        assertThat(errorOf(() ->
                        start(workflowId, new StartWorkflowRequest("Hello", " ", null, null, null, null, null, null))))
                .isEqualTo(ErrorType.INVALID_ARGUMENT);
        assertThat(errorOf(() -> start(
                        workflowId,
                        new StartWorkflowRequest(
                                "Hello", QUEUE, JsonNodeFactory.instance.objectNode(), null, null, null, null, null))))
                .isEqualTo(ErrorType.INVALID_ARGUMENT);
        start(workflowId, new StartWorkflowRequest("Hello", QUEUE, null, null, null, null, null, null));
        var started = events(workflowId).getFirst().attributes(EventAttributes.WorkflowExecutionStarted.class);
        assertThat(started.input()).isEqualTo(Json.array());
        assertThat(started.workflowTaskTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void terminateClosesTheRunAndCompletesResultWaiters() {
        String workflowId = newWorkflowId();
        start(workflowId);
        var running = result(workflowId, Duration.ofMillis(200));
        assertThat(running.status()).isEqualTo(WorkflowStatus.RUNNING);
        var waiting = history.getWorkflowExecutionResult(
                new GetWorkflowExecutionResult(NS, workflowId, null, Duration.ofSeconds(30)));
        var task = pollWorkflowTask(workflowId);

        terminate(workflowId);

        WorkflowResult result = join(waiting);
        assertThat(result.status()).isEqualTo(WorkflowStatus.TERMINATED);
        assertThat(result.failure().message()).isEqualTo("enough");
        assertThat(eventTypes(workflowId)).endsWith(WorkflowExecutionTerminated);
        assertTaskNotFound(() -> complete(task, completeWorkflow("late")));
        assertThat(result(workflowId, null).status()).isEqualTo(WorkflowStatus.TERMINATED);
        assertThat(server.engine().waitingResults()).isZero();
    }

    @Test
    void historyIsPagedAndRunsAreListedNewestFirst() {
        String first = newWorkflowId();
        String second = newWorkflowId();
        start(first);
        complete(pollWorkflowTask(first));
        for (int i = 0; i < 4; i++) {
            signal(first, "s" + i, null);
        }
        start(second, new StartWorkflowRequest("Other", QUEUE, null, null, null, null, null, null));

        var page1 =
                join(history.getWorkflowExecutionHistory(new GetWorkflowExecutionHistory(NS, first, null, 3, null)));
        assertThat(page1.events()).extracting(HistoryEvent::eventId).containsExactly(1L, 2L, 3L);
        var page2 = join(history.getWorkflowExecutionHistory(
                new GetWorkflowExecutionHistory(NS, first, null, 3, page1.nextPageToken())));
        assertThat(page2.events()).extracting(HistoryEvent::eventId).containsExactly(4L, 5L, 6L);
        var page3 = join(history.getWorkflowExecutionHistory(
                new GetWorkflowExecutionHistory(NS, first, null, 3, page2.nextPageToken())));
        assertThat(page3.events()).extracting(HistoryEvent::eventId).containsExactly(7L, 8L, 9L);
        assertThat(page3.nextPageToken()).isNull();

        WorkflowExecutionPage byType =
                join(history.listWorkflowExecutions(new ListWorkflowExecutions(NS, null, "Other", 10, null)));
        assertThat(byType.executions())
                .extracting(e -> e.workflowId())
                .contains(second)
                .doesNotContain(first);
        WorkflowExecutionPage running = join(history.listWorkflowExecutions(
                new ListWorkflowExecutions(NS, WorkflowStatus.RUNNING, null, 1000, null)));
        List<String> ids =
                running.executions().stream().map(e -> e.workflowId()).toList();
        assertThat(ids).contains(first, second);
        assertThat(ids.indexOf(second)).isLessThanOrEqualTo(ids.indexOf(first));
        WorkflowExecutionPage onePage =
                join(history.listWorkflowExecutions(new ListWorkflowExecutions(NS, null, null, 1, null)));
        assertThat(onePage.executions()).hasSize(1);
        assertThat(onePage.nextPageToken()).isNotNull();
    }
}
