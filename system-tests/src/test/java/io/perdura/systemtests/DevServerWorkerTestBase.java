package io.perdura.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.sdk.client.WorkflowClient;
import io.perdura.sdk.client.WorkflowClientOptions;
import io.perdura.sdk.worker.Worker;
import io.perdura.sdk.worker.WorkerFactory;
import io.perdura.sdk.worker.WorkerOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * One packaged dev server for a test class, a fresh task queue per test, and in-process workers of
 * {@link EagerNapWorkflow} on it that stop after each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DevServerWorkerTestBase {

    static final String NS = "/api/v1/namespaces/default";

    @TempDir
    Path dataDir;

    DevServerProcess server;
    RestApi api;
    String queue;
    private final List<WorkerFactory> workers = new ArrayList<>();

    /** The prefix of each test's task queue. */
    abstract String queuePrefix();

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
        queue = Conformance.id(queuePrefix());
    }

    @AfterEach
    void stopWorkers() {
        workers.forEach(WorkerFactory::shutdownNow);
        workers.clear();
    }

    /** Starts a worker of {@link EagerNapWorkflow} on this test's queue, with its own client. */
    WorkerFactory startWorker(WorkerOptions options) {
        WorkerFactory factory = WorkerFactory.newInstance(WorkflowClient.newInstance(WorkflowClientOptions.builder()
                .setTarget(server.url())
                .setNamespace("default")
                .build()));
        Worker worker = factory.newWorker(queue, options);
        worker.registerWorkflowImplementationTypes(EagerNapWorkflow.Impl.class);
        worker.registerActivitiesImplementations(new EagerNapWorkflow.Quick());
        factory.start();
        workers.add(factory);
        return factory;
    }

    /** The run's result, waiting up to two minutes for it to close. */
    JsonNode result(String workflowId) {
        for (int i = 0; i < 6; i++) {
            RestApi.Response response = api.get(NS + "/workflows/" + workflowId + "/result?wait=20s");
            if (response.status() == 200) {
                return response.json();
            }
            assertThat(response.status()).as(response.body()).isEqualTo(202);
        }
        throw new AssertionError(workflowId + " did not close in time");
    }

    JsonNode events(String workflowId) {
        return api.get(NS + "/workflows/" + workflowId + "/history?pageSize=1000")
                .json()
                .get("events");
    }
}
