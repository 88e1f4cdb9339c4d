package io.perdura.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.perdura.common.json.Json;
import io.perdura.samples.approval.ApprovalWorkflow;
import io.perdura.samples.cancellable.CancellableWorkflow;
import io.perdura.samples.cancellable.CleanupActivities;
import io.perdura.samples.countdown.CountdownWorkflow;
import io.perdura.samples.counter.CounterWorkflow;
import io.perdura.samples.hello.GreetingsActivities;
import io.perdura.samples.hello.Hello;
import io.perdura.samples.hello.HelloWorkflow;
import io.perdura.samples.order.OrderActivitiesImpl;
import io.perdura.samples.order.OrderFulfillmentWorkflow;
import io.perdura.samples.order.ShippingWorkflow;
import io.perdura.samples.parallel.ParallelGreetingsWorkflow;
import io.perdura.samples.parent.ParentWorkflow;
import io.perdura.samples.payment.FlakyPaymentWorkflow;
import io.perdura.samples.payment.PaymentsActivities;
import io.perdura.samples.reminder.NotificationsActivities;
import io.perdura.samples.reminder.ReminderWorkflow;
import io.perdura.sdk.client.WorkflowClient;
import io.perdura.sdk.client.WorkflowClientOptions;
import io.perdura.sdk.client.WorkflowOptions;
import io.perdura.sdk.worker.Worker;
import io.perdura.sdk.worker.WorkerFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Workflow behaviours every deployment must pass, through REST with real workers. Subclasses say
 * which deployment: the dev server on its embedded database, the dev server on MySQL, the cluster.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConformanceTests
        implements Conformance,
                SignalsAndStartsConformance,
                AsyncAndCancellationConformance,
                CrashConformance,
                ClientConformance,
                ChildWorkflowConformance,
                SagaConformance,
                UpdateConformance,
                HeaderConformance {

    PerduraServer server;
    RestApi api;
    /** Each test has its own task queue, so no test sees another's workers. */
    String queue;

    private final List<WorkerFactory> workers = new ArrayList<>();

    /** A stopped deployment on fresh storage; the suite starts it. */
    abstract PerduraServer newServer();

    @BeforeAll
    void startServer() {
        server = newServer();
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
        queue = Conformance.id("samples");
    }

    @AfterEach
    void stopWorkers() {
        workers.forEach(WorkerFactory::shutdownNow);
        workers.clear();
    }

    @Override
    public RestApi api() {
        return api;
    }

    @Override
    public String queue() {
        return queue;
    }

    @Override
    public PerduraServer server() {
        return server;
    }

    @Override
    public WorkflowClient client() {
        return WorkflowClient.newInstance(WorkflowClientOptions.builder()
                .setTarget(server.url())
                .setNamespace("default")
                .build());
    }

    /** Starts a worker on this test's task queue with whatever {@code registrations} register. */
    @Override
    public WorkerFactory startWorker(Consumer<Worker> registrations) {
        WorkerFactory factory = WorkerFactory.newInstance(client());
        Worker worker = factory.newWorker(queue);
        registrations.accept(worker);
        factory.start();
        workers.add(factory);
        return factory;
    }

    @Override
    public void stopWorker(WorkerFactory worker) {
        worker.shutdownNow();
        workers.remove(worker);
    }

    @Override
    public WorkerFactory startSamplesWorker() {
        return startWorker(worker -> {
            worker.registerWorkflowImplementationTypes(
                    HelloWorkflow.class,
                    ReminderWorkflow.class,
                    ApprovalWorkflow.class,
                    FlakyPaymentWorkflow.class,
                    ParallelGreetingsWorkflow.class,
                    CountdownWorkflow.class,
                    CancellableWorkflow.class,
                    OrderFulfillmentWorkflow.class,
                    ShippingWorkflow.class,
                    ParentWorkflow.class,
                    CounterWorkflow.class);
            worker.registerActivitiesImplementations(
                    new GreetingsActivities(),
                    new NotificationsActivities(),
                    new PaymentsActivities(),
                    new CleanupActivities(),
                    new OrderActivitiesImpl());
        });
    }

    @Override
    public String start(String workflowId, String type, String inputJson) {
        RestApi.Response response = api.post(
                NS + "/workflows/" + workflowId,
                "{\"workflowType\":\"" + type + "\",\"taskQueue\":\"" + queue + "\",\"input\":" + inputJson + "}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("runId").asString();
    }

    @Override
    public JsonNode result(String workflowId) {
        for (int i = 0; i < 6; i++) {
            RestApi.Response response = api.get(NS + "/workflows/" + workflowId + "/result?wait=20s");
            if (response.status() == 200) {
                return response.json();
            }
            assertThat(response.status()).as(response.body()).isEqualTo(202);
        }
        throw new AssertionError(workflowId + " did not close in time");
    }

    @Override
    public List<String> eventTypes(String workflowId) {
        JsonNode events = api.get(NS + "/workflows/" + workflowId + "/history?pageSize=1000")
                .json()
                .get("events");
        List<String> types = new ArrayList<>();
        events.forEach(event -> types.add(event.get("eventType").asString()));
        return types;
    }

    @Override
    public JsonNode describe(String workflowId) {
        return api.get(NS + "/workflows/" + workflowId).json();
    }

    @Test
    void helloCompletesWithItsGreetingAndTemporalsHistory() {
        startSamplesWorker();
        String id = Conformance.id("hello");
        start(id, "Hello", "[\"World\"]");

        JsonNode result = result(id);

        assertThat(result.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(result.get("result").asString()).isEqualTo("Hello, World!");
        assertThat(eventTypes(id))
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
        JsonNode description = describe(id);
        assertThat(description.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(description.get("historyLength").asLong()).isEqualTo(11);
    }

    @Test
    void typedClientStubStartsAndReturnsTheResult() {
        startSamplesWorker();
        Hello hello = client().newWorkflowStub(
                        Hello.class,
                        WorkflowOptions.builder()
                                .setWorkflowId(Conformance.id("typed"))
                                .setTaskQueue(queue)
                                .build());

        assertThat(hello.greet("Typed")).isEqualTo("Hello, Typed!");
    }

    @Test
    void reminderSleepsOnADurableTimer() {
        startSamplesWorker();
        String id = Conformance.id("reminder");
        start(id, "Reminder", "[\"stand up\", 1]");

        JsonNode result = result(id);

        assertThat(result.get("result").asString()).isEqualTo("Reminder: stand up");
        assertThat(eventTypes(id)).contains("TimerStarted", "TimerFired");
    }

    @Test
    void approvalAnswersQueriesAndCompletesOnItsSignal() {
        startSamplesWorker();
        String id = Conformance.id("approval");
        start(id, "Approval", "[\"new laptop\"]");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            RestApi.Response query = api.post(NS + "/workflows/" + id + "/query/status", "{\"input\":[]}");
            assertThat(query.status()).as(query.body()).isEqualTo(200);
            assertThat(query.json().get("result").asString()).isEqualTo("WAITING");
        });
        RestApi.Response signal = api.post(NS + "/workflows/" + id + "/signal/approve", "{\"input\":[\"alice\"]}");
        assertThat(signal.status()).as(signal.body()).isEqualTo(204);

        assertThat(result(id).get("result").asString()).isEqualTo("approved by alice");
        assertThat(eventTypes(id)).contains("WorkflowExecutionSignaled");
    }

    @Test
    void flakyActivityIsRetriedWithoutHistoryUntilItSucceeds() {
        startSamplesWorker();
        String id = Conformance.id("flaky");
        start(id, "FlakyPayment", "[2]");

        assertThat(result(id).get("result").asString()).isEqualTo("paid after 3 attempts");
        List<String> types = eventTypes(id);
        assertThat(types.stream().filter("ActivityTaskStarted"::equals)).hasSize(1);
        assertThat(types).doesNotContain("ActivityTaskFailed");
        JsonNode events = api.get(NS + "/workflows/" + id + "/history").json().get("events");
        for (JsonNode event : events) {
            if (event.get("eventType").asString().equals("ActivityTaskStarted")) {
                assertThat(event.get("attributes").get("attempt").asInt()).isEqualTo(3);
            }
        }
    }

    @Test
    void timerSurvivesAKillDashNineOfTheServer() {
        startSamplesWorker();
        String id = Conformance.id("durable-timer");
        start(id, "Reminder", "[\"after the crash\", 4]");
        await().atMost(Duration.ofSeconds(30)).until(() -> eventTypes(id).contains("TimerStarted"));

        server.kill();
        server.start();

        assertThat(result(id).get("result").asString()).isEqualTo("Reminder: after the crash");
        assertThat(eventTypes(id).stream().filter("TimerFired"::equals)).hasSize(1);
    }

    @Test
    void aNewWorkerResumesAKilledWorkersWorkflowByReplay() {
        WorkerFactory first = startSamplesWorker();
        String id = Conformance.id("resume");
        start(id, "Approval", "[\"budget\"]");
        await().atMost(Duration.ofSeconds(30)).until(() -> eventTypes(id).contains("WorkflowTaskCompleted"));

        first.shutdownNow();
        workers.remove(first);
        startSamplesWorker();
        api.post(NS + "/workflows/" + id + "/signal/approve", "{\"input\":[\"bob\"]}");

        assertThat(result(id).get("result").asString()).isEqualTo("approved by bob");
    }

    @Test
    void workflowsOfAWorkerKilledWithSigkillFinishOnAnotherWorker() {
        String id = Conformance.id("killed-worker");
        try (WorkerProcess doomed = WorkerProcess.start(server.url(), "doomed")) {
            RestApi.Response started = api.post(
                    NS + "/workflows/" + id,
                    "{\"workflowType\":\"Reminder\",\"taskQueue\":\"samples\",\"input\":[\"survivor\",2]}");
            assertThat(started.status()).as(started.body()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(60)).until(() -> eventTypes(id).contains("TimerStarted"));
            doomed.kill();
        }

        try (WorkerProcess survivor = WorkerProcess.start(server.url(), "survivor")) {
            JsonNode result = result(id);

            assertThat(result.get("result").asString()).isEqualTo("Reminder: survivor");
            List<String> types = eventTypes(id);
            assertThat(types.stream().filter("ActivityTaskCompleted"::equals)).hasSize(1);
            assertThat(types.getLast()).isEqualTo("WorkflowExecutionCompleted");
        }
    }

    @Test
    void nonDeterministicCodeFailsWorkflowTasksUntilTheOriginalCodeIsBack() {
        WorkerFactory original = startWorker(worker -> {
            worker.registerWorkflowImplementationTypes(Evolving.Original.class);
            worker.registerActivitiesImplementations(new GreetingsActivities());
        });
        String id = Conformance.id("evolving");
        start(id, "Evolving", "[\"v1\"]");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> eventTypes(id).contains("ActivityTaskCompleted")
                        && eventTypes(id).stream()
                                        .filter("WorkflowTaskCompleted"::equals)
                                        .count()
                                == 2);
        original.shutdownNow();
        workers.remove(original);

        WorkerFactory incompatible = startWorker(worker -> {
            worker.registerWorkflowImplementationTypes(Evolving.Incompatible.class);
            worker.registerActivitiesImplementations(new GreetingsActivities());
        });
        api.post(NS + "/workflows/" + id + "/signal/proceed", "{\"input\":[]}");

        await().atMost(Duration.ofSeconds(30)).until(() -> eventTypes(id).contains("WorkflowTaskFailed"));
        JsonNode failed = describe(id);
        assertThat(failed.get("status").asString()).isEqualTo("RUNNING");
        JsonNode failure = api.get(NS + "/workflows/" + id + "/history")
                .json()
                .get("events")
                .findValue("failure");
        assertThat(Json.write(failure)).containsIgnoringCase("determinis");
        incompatible.shutdownNow();
        workers.remove(incompatible);

        startWorker(worker -> {
            worker.registerWorkflowImplementationTypes(Evolving.Original.class);
            worker.registerActivitiesImplementations(new GreetingsActivities());
        });
        JsonNode result = result(id);
        assertThat(result.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(result.get("result").asString()).isEqualTo("Hello, v1! Hello, again!");
    }

    @Test
    void secondStartOfARunningWorkflowIsAConflict() {
        String id = Conformance.id("duplicate");
        start(id, "Approval", "[\"x\"]");

        RestApi.Response again = api.post(
                NS + "/workflows/" + id,
                "{\"workflowType\":\"Approval\",\"taskQueue\":\"" + queue + "\",\"input\":[\"x\"]}");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("type").asString()).endsWith("/already-started");
        api.post(NS + "/workflows/" + id + "/terminate", "{\"reason\":\"test over\"}");
    }

    @Test
    void repeatedRequestIdReturnsTheSameRun() {
        String id = Conformance.id("idempotent");
        String body = "{\"workflowType\":\"Approval\",\"taskQueue\":\"" + queue
                + "\",\"input\":[\"x\"],\"requestId\":\"r-1\"}";

        RestApi.Response first = api.post(NS + "/workflows/" + id, body);
        RestApi.Response second = api.post(NS + "/workflows/" + id, body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isIn(200, 201);
        assertThat(second.json().get("runId").asString())
                .isEqualTo(first.json().get("runId").asString());
        api.post(NS + "/workflows/" + id + "/terminate", "{\"reason\":\"test over\"}");
        assertThat(describe(id).get("status").asString()).isEqualTo("TERMINATED");
    }

    @Test
    void healthAndPrometheusMetricsAreServed() {
        startSamplesWorker();
        String id = Conformance.id("metrics");
        start(id, "Hello", "[\"metrics\"]");
        result(id);

        StringBuilder metrics = new StringBuilder();
        for (String url : server.actuatorUrls()) {
            RestApi actuator = new RestApi(url);
            RestApi.Response health = actuator.get("/actuator/health");
            assertThat(health.status()).as(url).isEqualTo(200);
            assertThat(health.json().get("status").asString()).as(url).isEqualTo("UP");
            RestApi.Response prometheus = actuator.get("/actuator/prometheus");
            assertThat(prometheus.status()).as(url).isEqualTo(200);
            metrics.append(prometheus.body());
        }
        assertThat(metrics.toString()).contains("perdura_matching_tasks_added", "perdura_history_transactions");
    }

    @Test
    void unknownWorkflowIsANotFoundProblem() {
        RestApi.Response response = api.get(NS + "/workflows/" + Conformance.id("missing"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).endsWith("/not-found");
    }

    @Test
    void malformedBodyIsAnInvalidArgumentProblemWithoutStackTrace() {
        RestApi.Response response = api.post(NS + "/workflows/" + Conformance.id("bad"), "{\"workflowType\": ");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).endsWith("/invalid-argument");
        assertThat(response.body()).doesNotContain("at io.", "at java.", "Exception:");
    }
}
