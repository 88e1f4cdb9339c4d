package io.perdura.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.perdura.common.api.ActivityTask;
import io.perdura.common.api.CompleteActivityTaskRequest;
import io.perdura.common.api.CompleteWorkflowTaskRequest;
import io.perdura.common.api.CompleteWorkflowTaskResponse;
import io.perdura.common.api.FailActivityTaskRequest;
import io.perdura.common.api.FailWorkflowTaskRequest;
import io.perdura.common.api.HistoryPage;
import io.perdura.common.api.SignalRequest;
import io.perdura.common.api.StartWorkflowRequest;
import io.perdura.common.api.TaskToken;
import io.perdura.common.api.TerminateRequest;
import io.perdura.common.api.WorkflowExecutionDescription;
import io.perdura.common.api.WorkflowResult;
import io.perdura.common.api.WorkflowTask;
import io.perdura.common.command.Command;
import io.perdura.common.error.ErrorType;
import io.perdura.common.error.PerduraException;
import io.perdura.common.history.EventType;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import io.perdura.common.messaging.InJvmMessageBus;
import io.perdura.common.messaging.MessageBus;
import io.perdura.common.model.Failure;
import io.perdura.common.model.RetryPolicy;
import io.perdura.common.service.HistoryClient;
import io.perdura.common.service.HistoryRequest.DescribeWorkflowExecution;
import io.perdura.common.service.HistoryRequest.GetWorkflowExecutionHistory;
import io.perdura.common.service.HistoryRequest.GetWorkflowExecutionResult;
import io.perdura.common.service.HistoryRequest.RecordActivityTaskStarted;
import io.perdura.common.service.HistoryRequest.RecordWorkflowTaskStarted;
import io.perdura.common.service.HistoryRequest.RespondActivityTaskCompleted;
import io.perdura.common.service.HistoryRequest.RespondActivityTaskFailed;
import io.perdura.common.service.HistoryRequest.RespondWorkflowTaskCompleted;
import io.perdura.common.service.HistoryRequest.RespondWorkflowTaskFailed;
import io.perdura.common.service.HistoryRequest.SignalWorkflowExecution;
import io.perdura.common.service.HistoryRequest.StartWorkflowExecution;
import io.perdura.common.service.HistoryRequest.TerminateWorkflowExecution;
import io.perdura.common.service.MatchingRequest.AddActivityTask;
import io.perdura.common.service.MatchingRequest.AddWorkflowTask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

/**
 * Shared harness of the engine tests: a real {@link HistoryServer} on a real database and a real
 * {@link InJvmMessageBus}, a {@link FakeMatching} recording dispatched tasks, and the {@link
 * HistoryClient} other services use.
 */
abstract class AbstractHistoryEngineTests {

    static final String NS = "default";
    static final String QUEUE = "q";
    static final Duration WAIT = Duration.ofSeconds(10);

    InJvmMessageBus bus;
    FakeMatching matching;
    HistoryServer server;
    HistoryClient history;

    /** The database of this test; migrated by the server. */
    protected abstract DataSource dataSource();

    @BeforeEach
    void startServer() {
        bus = new InJvmMessageBus(4);
        matching = new FakeMatching(bus);
        server = newServer(bus);
        server.start();
        history = new HistoryClient(bus);
    }

    @AfterEach
    void stopServer() {
        server.stop();
        matching.close();
        bus.close();
        afterServerStopped();
    }

    /** Releases what the test's database needs released, once the server stopped. */
    protected void afterServerStopped() {}

    HistoryServer newServer(InJvmMessageBus onBus) {
        HistoryProperties properties = new HistoryProperties();
        properties.setShardCount(4);
        properties.getTimer().setLoadInterval(Duration.ofSeconds(1));
        properties.getOutbox().setRescanInterval(Duration.ofSeconds(1));
        return new HistoryServer(dataSource(), serverBus(onBus), properties);
    }

    /** The bus a server of this test talks through: the test's bus, unless a test wraps it. */
    MessageBus serverBus(InJvmMessageBus onBus) {
        return onBus;
    }

    static String newWorkflowId() {
        return "wf-" + UUID.randomUUID();
    }

    static <T> T join(CompletableFuture<T> future) {
        try {
            return future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw PerduraException.unwrap(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    static ErrorType errorOf(Runnable action) {
        try {
            action.run();
        } catch (PerduraException e) {
            return e.errorType();
        }
        throw new AssertionError("expected a PerduraException");
    }

    static StartWorkflowRequest startRequest(String requestId) {
        return new StartWorkflowRequest("Hello", QUEUE, Json.array("Ada"), requestId, null, null, null, null);
    }

    String start(String workflowId) {
        return start(workflowId, startRequest(null));
    }

    String start(String workflowId, StartWorkflowRequest request) {
        return join(history.startWorkflowExecution(new StartWorkflowExecution(NS, workflowId, request)))
                .runId();
    }

    /** Waits for the next workflow task of the workflow to be dispatched and records it started. */
    WorkflowTask pollWorkflowTask(String workflowId) {
        AddWorkflowTask added = matching.nextWorkflowTask(workflowId, WAIT);
        return join(history.recordWorkflowTaskStarted(new RecordWorkflowTaskStarted(
                NS,
                workflowId,
                added.runId(),
                added.taskQueue(),
                added.scheduledEventId(),
                "poll-" + UUID.randomUUID(),
                "worker-1")));
    }

    CompleteWorkflowTaskResponse complete(WorkflowTask task, Command... commands) {
        return join(history.respondWorkflowTaskCompleted(new RespondWorkflowTaskCompleted(
                TaskToken.decode(task.taskToken()),
                new CompleteWorkflowTaskRequest(task.taskToken(), List.of(commands), "worker-1"))));
    }

    void failWorkflowTask(WorkflowTask task, String message) {
        join(history.respondWorkflowTaskFailed(new RespondWorkflowTaskFailed(
                TaskToken.decode(task.taskToken()),
                new FailWorkflowTaskRequest(
                        task.taskToken(), null, Failure.application("NonDeterminism", message, false), "worker-1"))));
    }

    ActivityTask pollActivityTask(String workflowId) {
        AddActivityTask added = matching.nextActivityTask(workflowId, WAIT);
        return join(history.recordActivityTaskStarted(new RecordActivityTaskStarted(
                NS,
                workflowId,
                added.runId(),
                added.taskQueue(),
                added.scheduledEventId(),
                added.attempt(),
                "poll-" + UUID.randomUUID(),
                "worker-1")));
    }

    void completeActivity(ActivityTask task, JsonNode result) {
        join(history.respondActivityTaskCompleted(new RespondActivityTaskCompleted(
                TaskToken.decode(task.taskToken()),
                new CompleteActivityTaskRequest(task.taskToken(), result, "worker-1"))));
    }

    void failActivity(ActivityTask task, Failure failure) {
        join(history.respondActivityTaskFailed(new RespondActivityTaskFailed(
                TaskToken.decode(task.taskToken()),
                new FailActivityTaskRequest(task.taskToken(), failure, "worker-1"))));
    }

    void signal(String workflowId, String name, String requestId) {
        join(history.signalWorkflowExecution(new SignalWorkflowExecution(
                NS, workflowId, null, name, new SignalRequest(Json.array("go"), requestId, "client"))));
    }

    void terminate(String workflowId) {
        join(history.terminateWorkflowExecution(
                new TerminateWorkflowExecution(NS, workflowId, null, new TerminateRequest("enough", "client"))));
    }

    WorkflowExecutionDescription describe(String workflowId) {
        return join(history.describeWorkflowExecution(new DescribeWorkflowExecution(NS, workflowId, null)));
    }

    WorkflowResult result(String workflowId, Duration wait) {
        return join(history.getWorkflowExecutionResult(new GetWorkflowExecutionResult(NS, workflowId, null, wait)));
    }

    List<HistoryEvent> events(String workflowId) {
        List<HistoryEvent> events = new ArrayList<>();
        String token = null;
        do {
            HistoryPage page = join(history.getWorkflowExecutionHistory(
                    new GetWorkflowExecutionHistory(NS, workflowId, null, 0, token)));
            events.addAll(page.events());
            token = page.nextPageToken();
        } while (token != null);
        return events;
    }

    List<EventType> eventTypes(String workflowId) {
        return events(workflowId).stream().map(HistoryEvent::eventType).toList();
    }

    static Command.ScheduleActivityTask activity(String activityId, RetryPolicy retryPolicy) {
        return new Command.ScheduleActivityTask(
                activityId, "Greet", QUEUE, Json.array("Ada"), null, null, Duration.ofSeconds(30), null, retryPolicy);
    }

    static Command.CompleteWorkflowExecution completeWorkflow(Object result) {
        return new Command.CompleteWorkflowExecution(Json.tree(result));
    }

    void awaitHistoryLength(String workflowId, int length) {
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(eventTypes(workflowId)).hasSize(length));
    }

    void assertTaskNotFound(Runnable action) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(
                        PerduraException.class, e -> assertThat(e.errorType()).isEqualTo(ErrorType.TASK_NOT_FOUND));
    }
}
