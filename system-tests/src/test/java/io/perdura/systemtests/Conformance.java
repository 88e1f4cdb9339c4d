package io.perdura.systemtests;

import io.perdura.sdk.client.WorkflowClient;
import io.perdura.sdk.worker.Worker;
import io.perdura.sdk.worker.WorkerFactory;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * What a conformance test can use of the deployment under test ({@link ConformanceTests} provides
 * it); each group of behaviours is an interface of default {@code @Test} methods over this, so one
 * deployment serves them all.
 */
interface Conformance {

    String NS = "/api/v1/namespaces/default";

    RestApi api();

    /** The task queue of the running test: each test has its own, so no test sees another's workers. */
    String queue();

    PerduraServer server();

    WorkflowClient client();

    /** Starts a worker on this test's task queue with whatever {@code registrations} register. */
    WorkerFactory startWorker(Consumer<Worker> registrations);

    /** Stops a worker at once (its polls are dropped, its cached runs forgotten). */
    void stopWorker(WorkerFactory worker);

    /** A worker with the samples' workflows and activities on this test's task queue. */
    WorkerFactory startSamplesWorker();

    /** Starts a run over REST on this test's queue; its run id. */
    String start(String workflowId, String type, String inputJson);

    /** Waits for the run's outcome over REST. */
    JsonNode result(String workflowId);

    List<String> eventTypes(String workflowId);

    JsonNode describe(String workflowId);

    static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
