package io.perdura.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.perdura.sdk.client.WorkflowClient;
import io.perdura.sdk.client.WorkflowClientOptions;
import io.perdura.sdk.worker.Worker;
import io.perdura.sdk.worker.WorkerFactory;
import io.perdura.sdk.worker.WorkerOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Eager activity execution (ADR 29) end to end on the dev server: a worker that has the workflow and
 * its activity on one queue runs the activity from the workflow task's completion, without an
 * activity poll; killed while it runs that attempt, the attempt times out start-to-close and its
 * retry goes to another worker through matching; with eager execution off the activity is polled.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DevServerEagerExecutionTests {

    private static final String NS = "/api/v1/namespaces/default";

    @TempDir
    static Path dataDir;

    private DevServerProcess server;
    private RestApi api;
    private String queue;
    private final List<WorkerFactory> workers = new ArrayList<>();

    @BeforeAll
    void startServer() {
        server = new DevServerProcess(dataDir, List.of());
        server.start();
        api = new RestApi(server.url());
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void newTaskQueue() {
        queue = Conformance.id("eager");
    }

    @AfterEach
    void stopWorkers() {
        workers.forEach(WorkerFactory::shutdownNow);
        workers.clear();
    }

    private void startWorker(WorkerOptions options) {
        WorkerFactory factory = WorkerFactory.newInstance(WorkflowClient.newInstance(WorkflowClientOptions.builder()
                .setTarget(server.url())
                .setNamespace("default")
                .build()));
        Worker worker = factory.newWorker(queue, options);
        worker.registerWorkflowImplementationTypes(EagerNapWorkflow.Impl.class);
        worker.registerActivitiesImplementations(new EagerNapWorkflow.Quick());
        factory.start();
        workers.add(factory);
    }

    private void start(String workflowId) {
        RestApi.Response response = api.post(
                NS + "/workflows/" + workflowId,
                "{\"workflowType\":\"EagerNap\",\"taskQueue\":\"" + queue + "\",\"input\":[\"Ada\"]}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    private JsonNode result(String workflowId) {
        for (int i = 0; i < 6; i++) {
            RestApi.Response response = api.get(NS + "/workflows/" + workflowId + "/result?wait=20s");
            if (response.status() == 200) {
                return response.json();
            }
            assertThat(response.status()).as(response.body()).isEqualTo(202);
        }
        throw new AssertionError(workflowId + " did not close in time");
    }

    private JsonNode events(String workflowId) {
        return api.get(NS + "/workflows/" + workflowId + "/history?pageSize=1000")
                .json()
                .get("events");
    }

    private List<String> eventTypes(String workflowId) {
        List<String> types = new ArrayList<>();
        events(workflowId).forEach(event -> types.add(event.get("eventType").asString()));
        return types;
    }

    @Test
    void anActivityOnTheWorkersOwnQueueRunsEagerlyAndTheWorkflowCompletes() {
        startWorker(WorkerOptions.getDefaultInstance());
        String workflowId = Conformance.id("eager-nap");
        start(workflowId);

        JsonNode result = result(workflowId);

        assertThat(result.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(result.get("result").asString()).isEqualTo("Ada rested on attempt 1");
        assertThat(eventTypes(workflowId))
                .containsExactly(
                        "WorkflowExecutionStarted",
                        "WorkflowTaskScheduled",
                        "WorkflowTaskStarted",
                        "WorkflowTaskCompleted",
                        "ActivityTaskScheduled",
                        "ActivityTaskStarted",
                        "ActivityTaskCompleted",
                        "WorkflowTaskScheduled",
                        "WorkflowTaskStarted",
                        "WorkflowTaskCompleted",
                        "WorkflowExecutionCompleted");
    }

    @Test
    void withEagerExecutionOffTheActivityIsPolledAndTheWorkflowCompletesAlike() {
        startWorker(WorkerOptions.builder().setDisableEagerExecution(true).build());
        String workflowId = Conformance.id("polled-nap");
        start(workflowId);

        assertThat(result(workflowId).get("result").asString()).isEqualTo("Ada rested on attempt 1");
    }

    @Test
    void anEagerAttemptWhoseWorkerWasKilledTimesOutAndItsRetryRunsOnAnotherWorker() {
        String workflowId = Conformance.id("doomed-nap");
        JsonNode pending;
        try (WorkerProcess doomed =
                WorkerProcess.start("doomed-eager", EagerNapWorkflow.class.getName(), server.url(), queue)) {
            start(workflowId);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> api.get(NS + "/workflows/" + workflowId)
                                    .json()
                                    .get("pendingActivities")
                                    .size()
                            == 1);
            pending = api.get(NS + "/workflows/" + workflowId)
                    .json()
                    .get("pendingActivities")
                    .get(0);
            doomed.kill();
        }
        assertThat(pending.get("state").asString()).isEqualTo("STARTED");
        assertThat(pending.get("attempt").asInt()).isEqualTo(1);
        JsonNode completed = events(workflowId).get(3);
        assertThat(completed.get("eventType").asString()).isEqualTo("WorkflowTaskCompleted");
        assertThat(Instant.parse(pending.get("lastStartedTime").asString()).truncatedTo(ChronoUnit.MILLIS))
                .as("the attempt started in the workflow task's completion, not from a poll")
                .isEqualTo(Instant.parse(completed.get("eventTime").asString()).truncatedTo(ChronoUnit.MILLIS));

        startWorker(WorkerOptions.getDefaultInstance());

        JsonNode result = result(workflowId);
        List<String> types = eventTypes(workflowId);
        assertThat(types.subList(4, 7))
                .containsExactly("ActivityTaskScheduled", "ActivityTaskStarted", "ActivityTaskCompleted");
        var started = events(workflowId).get(5).get("attributes");
        int attempt = started.get("attempt").asInt();
        assertThat(attempt).as("a retry after the eager attempt timed out").isGreaterThanOrEqualTo(2);
        assertThat(result.get("result").asString()).isEqualTo("Ada rested on attempt " + attempt);
        assertThat(started.get("lastFailure").get("timeoutType").asString()).isEqualTo("START_TO_CLOSE");
    }
}
