package io.perdura.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.sdk.client.WorkflowClient;
import io.perdura.sdk.client.WorkflowClientOptions;
import io.perdura.sdk.client.WorkflowOptions;
import io.perdura.sdk.worker.Worker;
import io.perdura.sdk.worker.WorkerFactory;
import java.nio.file.Path;
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
 * Eager workflow start (ADR 29) end to end on the dev server: a client whose worker factory runs the
 * workflow gets the first workflow task in the start's answer and its worker runs it without a poll;
 * a client that asks for the task and never runs it (as if it died right after the start) still gets
 * its run completed: the task times out start-to-close and its retry goes through matching.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DevServerEagerWorkflowStartTests {

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
        queue = Conformance.id("eager-start");
    }

    @AfterEach
    void stopWorkers() {
        workers.forEach(WorkerFactory::shutdownNow);
        workers.clear();
    }

    private WorkerFactory startWorker() {
        WorkerFactory factory = WorkerFactory.newInstance(WorkflowClient.newInstance(WorkflowClientOptions.builder()
                .setTarget(server.url())
                .setNamespace("default")
                .build()));
        Worker worker = factory.newWorker(queue);
        worker.registerWorkflowImplementationTypes(EagerNapWorkflow.Impl.class);
        worker.registerActivitiesImplementations(new EagerNapWorkflow.Quick());
        factory.start();
        workers.add(factory);
        return factory;
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

    @Test
    void aStartByTheWorkersOwnClientRunsTheFirstWorkflowTaskWithoutAPoll() {
        WorkerFactory factory = startWorker();
        String workflowId = Conformance.id("eager-start");

        factory.getWorkflowClient()
                .newWorkflowStub(
                        EagerNapWorkflow.class,
                        WorkflowOptions.newBuilder()
                                .setWorkflowId(workflowId)
                                .setTaskQueue(queue)
                                .build())
                .nap("Ada");

        JsonNode events = events(workflowId);
        assertThat(events.get(2).get("eventType").asString()).isEqualTo("WorkflowTaskStarted");
        assertThat(events.get(2).get("eventTime"))
                .as("started in the start's own transaction")
                .isEqualTo(events.get(0).get("eventTime"));
        assertThat(events.get(2).get("attributes").has("requestId"))
                .as("no poll request started it")
                .isFalse();
        assertThat(events.get(8).get("attributes").get("requestId").asString())
                .as("the next workflow task was polled")
                .isNotBlank();
        assertThat(result(workflowId).get("result").asString()).isEqualTo("Ada rested on attempt 1");
    }

    @Test
    void anEagerTaskItsClientNeverRunsTimesOutAndItsRetryCompletesTheRunThroughMatching() {
        String workflowId = Conformance.id("abandoned-start");
        RestApi.Response started = api.post(
                NS + "/workflows/" + workflowId,
                "{\"workflowType\":\"EagerNap\",\"taskQueue\":\"" + queue + "\",\"input\":[\"Ada\"],"
                        + "\"workflowTaskTimeout\":\"1s\",\"requestEagerExecution\":true}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        assertThat(started.json().get("eagerWorkflowTask").get("attempt").asInt())
                .isEqualTo(1);

        startWorker();

        assertThat(result(workflowId).get("result").asString()).isEqualTo("Ada rested on attempt 1");
        List<String> types = new ArrayList<>();
        events(workflowId).forEach(event -> types.add(event.get("eventType").asString()));
        assertThat(types.subList(0, 7))
                .containsExactly(
                        "WorkflowExecutionStarted",
                        "WorkflowTaskScheduled",
                        "WorkflowTaskStarted",
                        "WorkflowTaskTimedOut",
                        "WorkflowTaskScheduled",
                        "WorkflowTaskStarted",
                        "WorkflowTaskCompleted");
    }
}
