package io.perdura.sdk.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.perdura.common.api.ActivityTask;
import io.perdura.common.api.CompleteWorkflowTaskResponse;
import io.perdura.common.api.TaskToken;
import io.perdura.common.api.WorkflowTask;
import io.perdura.common.history.EventAttributes;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import io.perdura.sdk.activity.ActivityInterface;
import io.perdura.sdk.activity.ActivityOptions;
import io.perdura.sdk.client.WorkflowClient;
import io.perdura.sdk.client.WorkflowClientOptions;
import io.perdura.sdk.fake.FakeFrontend;
import io.perdura.sdk.fake.FakeFrontend.Answer;
import io.perdura.sdk.workflow.Workflow;
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
 * Eager activity execution in the worker (ADR 29): which ScheduleActivityTask commands ask for it,
 * the worker switch that turns it off, and the activity task a completion hands back run at once,
 * without an activity poll.
 */
class EagerActivityWorkerTests {

    private static final String NS = "/api/v1/namespaces/default";
    private static final String COMPLETE = NS + "/workflow-tasks/complete";
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @ActivityInterface
    public interface Greetings {
        String compose(String name);
    }

    public static class GreetingsImpl implements Greetings {
        @Override
        public String compose(String name) {
            return "Hello, " + name + "!";
        }
    }

    @WorkflowInterface
    public interface Greeter {
        @WorkflowMethod(name = "Hello")
        String greet(String name);
    }

    public static class GreeterImpl implements Greeter {
        private final Greetings greetings = Workflow.newActivityStub(
                Greetings.class,
                ActivityOptions.builder()
                        .setStartToCloseTimeout(Duration.ofSeconds(5))
                        .build());

        @Override
        public String greet(String name) {
            return greetings.compose(name);
        }
    }

    @WorkflowInterface
    public interface Remote {
        @WorkflowMethod(name = "Remote")
        String greet(String name);
    }

    /** Calls its activity on another task queue. */
    public static class RemoteImpl implements Remote {
        private final Greetings greetings = Workflow.newActivityStub(
                Greetings.class,
                ActivityOptions.builder()
                        .setTaskQueue("elsewhere")
                        .setStartToCloseTimeout(Duration.ofSeconds(5))
                        .build());

        @Override
        public String greet(String name) {
            return greetings.compose(name);
        }
    }

    private final BlockingQueue<WorkflowTask> workflowTasks = new LinkedBlockingQueue<>();
    private FakeFrontend frontend;
    private WorkerFactory factory;

    private void startWorker(WorkerOptions options, Function<FakeFrontend.Request, Answer> complete) throws Exception {
        frontend = new FakeFrontend();
        frontend.route("POST", NS + "/task-queues/greetings/workflow-tasks/poll", r -> WorkerTests.next(workflowTasks))
                .route("POST", NS + "/task-queues/greetings/activity-tasks/poll", r -> pause())
                .route("POST", COMPLETE, complete)
                .route("POST", NS + "/workflow-tasks/fail", r -> Answer.empty(204))
                .route("POST", NS + "/activity-tasks/complete", r -> Answer.empty(204))
                .route("POST", NS + "/task-queues/greetings/polls/cancel", r -> Answer.empty(204));
        WorkflowClient client = WorkflowClient.newInstance(WorkflowClientOptions.builder()
                .setTarget(frontend.target())
                .setIdentity("worker-test")
                .build());
        factory = WorkerFactory.newInstance(client);
        Worker worker = factory.newWorker("greetings", options);
        worker.registerWorkflowImplementationTypes(GreeterImpl.class, RemoteImpl.class);
        worker.registerActivitiesImplementations(new GreetingsImpl());
        factory.start();
    }

    /** An activity poll that never brings a task. */
    private static Answer pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Answer.empty(204);
    }

    @AfterEach
    void stop() {
        factory.shutdownNow();
        assertThat(factory.awaitTermination(Duration.ofSeconds(10))).isTrue();
        frontend.close();
    }

    private static ActivityTask eagerTask() {
        String token =
                new TaskToken(TaskToken.Kind.ACTIVITY, "default", "wf-1", "run-1", "greetings", 5, 0, 1, null).encode();
        return new ActivityTask(
                token,
                "default",
                "wf-1",
                "run-1",
                "Hello",
                "1",
                "Compose",
                "greetings",
                Json.array("World"),
                1,
                T,
                T,
                T,
                null,
                Duration.ofSeconds(5),
                null,
                null,
                null);
    }

    private void offerFirstTask(String workflowType) {
        workflowTasks.add(new WorkflowTask(
                WorkerTests.token(TaskToken.Kind.WORKFLOW, 3),
                "wf-1",
                "run-1",
                workflowType,
                1,
                firstTask(workflowType),
                null));
    }

    private static List<HistoryEvent> firstTask(String workflowType) {
        return List.of(
                new HistoryEvent(
                        1,
                        T,
                        new EventAttributes.WorkflowExecutionStarted(
                                workflowType, "greetings", Json.array("World"), null, null, null, "req", "client")),
                new HistoryEvent(2, T, new EventAttributes.WorkflowTaskScheduled("greetings", null, 1)),
                new HistoryEvent(3, T, new EventAttributes.WorkflowTaskStarted(2, "worker-test", "p1")));
    }

    private JsonNode firstCommand() {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !frontend.requests(COMPLETE).isEmpty());
        return frontend.requests(COMPLETE).getFirst().body().get("commands").get(0);
    }

    @Test
    void anActivityOfThisWorkerIsAskedEagerlyAndTheTaskHandedBackRunsWithoutAPoll() throws Exception {
        startWorker(
                WorkerOptions.builder().setActivityPollers(1).build(),
                r -> Answer.json(200, new CompleteWorkflowTaskResponse(List.of(eagerTask()))));
        offerFirstTask("Hello");

        JsonNode command = firstCommand();
        assertThat(command.get("activityType").asString()).isEqualTo("Compose");
        assertThat(command.get("requestEagerExecution").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !frontend.requests(NS + "/activity-tasks/complete").isEmpty());
        JsonNode completion =
                frontend.requests(NS + "/activity-tasks/complete").getFirst().body();
        assertThat(completion.get("taskToken").asString()).isEqualTo(eagerTask().taskToken());
        assertThat(completion.get("result").asString()).isEqualTo("Hello, World!");
    }

    @Test
    void theWorkerSwitchTurnsEagerExecutionOff() throws Exception {
        startWorker(
                WorkerOptions.builder()
                        .setActivityPollers(1)
                        .setDisableEagerExecution(true)
                        .build(),
                r -> Answer.empty(204));
        offerFirstTask("Hello");

        assertThat(firstCommand().get("requestEagerExecution").asBoolean()).isFalse();
    }

    @Test
    void anActivityOnAnotherTaskQueueIsNotAskedEagerly() throws Exception {
        startWorker(WorkerOptions.builder().setActivityPollers(1).build(), r -> Answer.empty(204));
        offerFirstTask("Remote");

        JsonNode command = firstCommand();
        assertThat(command.get("taskQueue").asString()).isEqualTo("elsewhere");
        assertThat(command.get("requestEagerExecution").asBoolean()).isFalse();
    }
}
