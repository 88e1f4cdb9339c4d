package io.perdura.sdk.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.perdura.common.api.StartWorkflowResponse;
import io.perdura.common.api.TaskToken;
import io.perdura.common.api.WorkflowTask;
import io.perdura.common.history.EventAttributes;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import io.perdura.sdk.client.WorkflowClient;
import io.perdura.sdk.client.WorkflowClientOptions;
import io.perdura.sdk.client.WorkflowOptions;
import io.perdura.sdk.fake.FakeFrontend;
import io.perdura.sdk.fake.FakeFrontend.Answer;
import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Eager workflow start in the SDK (ADR 29): a client whose factory has a started worker for the
 * queue and type asks for the first workflow task, and that worker runs the task the start answer
 * carries without a poll; the workflow option, the worker switch and an unregistered type keep the
 * start plain, and a slot reserved for a task that did not come is given back.
 */
class EagerWorkflowStartWorkerTests {

    private static final String NS = "/api/v1/namespaces/default";
    private static final String START = NS + "/workflows/wf-1";
    private static final String COMPLETE = NS + "/workflow-tasks/complete";
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @WorkflowInterface
    public interface Greeter {
        @WorkflowMethod(name = "Hello")
        String greet(String name);
    }

    public static class GreeterImpl implements Greeter {
        @Override
        public String greet(String name) {
            return "Hello, " + name + "!";
        }
    }

    private final BlockingQueue<WorkflowTask> polledTasks = new LinkedBlockingQueue<>();
    private FakeFrontend frontend;
    private WorkerFactory factory;
    private WorkflowClient client;

    private void startWorker(WorkerOptions options, Function<FakeFrontend.Request, Answer> start) throws Exception {
        frontend = new FakeFrontend();
        frontend.route("POST", NS + "/task-queues/greetings/workflow-tasks/poll", r -> WorkerTests.next(polledTasks))
                .route("POST", START, start)
                .route("POST", COMPLETE, r -> Answer.empty(204))
                .route("POST", NS + "/workflow-tasks/fail", r -> Answer.empty(204))
                .route("POST", NS + "/task-queues/greetings/polls/cancel", r -> Answer.empty(204));
        client = WorkflowClient.newInstance(WorkflowClientOptions.builder()
                .setTarget(frontend.target())
                .setIdentity("worker-test")
                .build());
        factory = WorkerFactory.newInstance(client);
        Worker worker = factory.newWorker("greetings", options);
        worker.registerWorkflowImplementationTypes(GreeterImpl.class);
        factory.start();
    }

    @AfterEach
    void stop() {
        factory.shutdownNow();
        assertThat(factory.awaitTermination(Duration.ofSeconds(10))).isTrue();
        frontend.close();
    }

    private static WorkflowTask firstTask() {
        return new WorkflowTask(
                WorkerTests.token(TaskToken.Kind.WORKFLOW, 3),
                "wf-1",
                "run-1",
                "Hello",
                1,
                List.of(
                        new HistoryEvent(
                                1,
                                T,
                                new EventAttributes.WorkflowExecutionStarted(
                                        "Hello", "greetings", Json.array("World"), null, null, null, "req", "client")),
                        new HistoryEvent(2, T, new EventAttributes.WorkflowTaskScheduled("greetings", null, 1)),
                        new HistoryEvent(3, T, new EventAttributes.WorkflowTaskStarted(2, "worker-test", null))),
                null);
    }

    private static Answer startedEagerly(FakeFrontend.Request request) {
        return Answer.json(201, new StartWorkflowResponse("wf-1", "run-1", true, firstTask()));
    }

    private String start(String workflowType, WorkflowOptions.Builder options) {
        return client.newUntypedWorkflowStub(
                        workflowType,
                        options.setWorkflowId("wf-1").setTaskQueue("greetings").build())
                .start("World")
                .runId();
    }

    private JsonNode startBody() {
        return frontend.requests(START).getFirst().body();
    }

    private JsonNode firstCompletion() {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !frontend.requests(COMPLETE).isEmpty());
        return frontend.requests(COMPLETE).getFirst().body();
    }

    @Test
    void aStartForALocalWorkerAsksEagerlyAndTheWorkerRunsTheReturnedTaskWithoutAPoll() throws Exception {
        startWorker(WorkerOptions.getDefaultInstance(), EagerWorkflowStartWorkerTests::startedEagerly);

        assertThat(start("Hello", WorkflowOptions.newBuilder())).isEqualTo("run-1");

        assertThat(startBody().get("requestEagerExecution").asBoolean()).isTrue();
        JsonNode completion = firstCompletion();
        assertThat(completion.get("taskToken").asString()).isEqualTo(firstTask().taskToken());
        JsonNode command = completion.get("commands").get(0);
        assertThat(command.get("commandType").asString()).isEqualTo("CompleteWorkflowExecution");
        assertThat(polledTasks).as("nothing was polled").isEmpty();
    }

    @Test
    void theWorkflowOptionTurnsEagerStartOff() throws Exception {
        startWorker(
                WorkerOptions.getDefaultInstance(), r -> Answer.json(201, new StartWorkflowResponse("wf-1", "run-1")));

        start("Hello", WorkflowOptions.newBuilder().setDisableEagerExecution(true));

        assertThat(startBody().has("requestEagerExecution")).isFalse();
    }

    @Test
    void theWorkerSwitchTurnsEagerStartOff() throws Exception {
        startWorker(
                WorkerOptions.builder().setDisableEagerExecution(true).build(),
                r -> Answer.json(201, new StartWorkflowResponse("wf-1", "run-1")));

        start("Hello", WorkflowOptions.newBuilder());

        assertThat(startBody().has("requestEagerExecution")).isFalse();
    }

    @Test
    void aTypeNoLocalWorkerRunsIsNotAskedEagerly() throws Exception {
        startWorker(
                WorkerOptions.getDefaultInstance(), r -> Answer.json(201, new StartWorkflowResponse("wf-1", "run-1")));

        start("Elsewhere", WorkflowOptions.newBuilder());

        assertThat(startBody().has("requestEagerExecution")).isFalse();
    }

    @Test
    void theSlotReservedForATaskThatDidNotComeIsGivenBack() throws Exception {
        startWorker(
                WorkerOptions.builder()
                        .setWorkflowPollers(1)
                        .setMaxConcurrentWorkflowTasks(2)
                        .build(),
                r -> Answer.json(201, new StartWorkflowResponse("wf-1", "run-1")));

        for (int i = 0; i < 3; i++) {
            start("Hello", WorkflowOptions.newBuilder());
        }

        assertThat(frontend.requests(START))
                .as("the one slot the poller leaves free is reserved again by each start")
                .allSatisfy(
                        r -> assertThat(r.body().get("requestEagerExecution").asBoolean())
                                .isTrue())
                .hasSize(3);
    }
}
