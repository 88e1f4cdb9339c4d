package io.perdura.sdk.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.perdura.common.api.ActivityTask;
import io.perdura.common.api.TaskToken;
import io.perdura.common.api.WorkflowQuery;
import io.perdura.common.api.WorkflowTask;
import io.perdura.common.history.EventAttributes;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import io.perdura.common.model.UpdateInput;
import io.perdura.common.model.UpdateMeta;
import io.perdura.common.model.UpdateRequest;
import io.perdura.sdk.activity.Activity;
import io.perdura.sdk.activity.ActivityInterface;
import io.perdura.sdk.activity.ActivityOptions;
import io.perdura.sdk.activity.LocalActivityOptions;
import io.perdura.sdk.client.WorkflowClient;
import io.perdura.sdk.client.WorkflowClientOptions;
import io.perdura.sdk.failure.ApplicationFailure;
import io.perdura.sdk.fake.FakeFrontend;
import io.perdura.sdk.fake.FakeFrontend.Answer;
import io.perdura.sdk.workflow.QueryMethod;
import io.perdura.sdk.workflow.UpdateMethod;
import io.perdura.sdk.workflow.UpdateValidatorMethod;
import io.perdura.sdk.workflow.Workflow;
import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WorkerTests {

    private static final String NS = "/api/v1/namespaces/default";
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @WorkflowInterface
    public interface Greeter {
        @WorkflowMethod(name = "Hello")
        String greet(String name);

        @QueryMethod
        String phase();
    }

    @ActivityInterface
    public interface Greetings {
        String compose(String name);

        String explode(String name);

        String beat(String name);
    }

    public static class GreeterImpl implements Greeter {
        private final Greetings greetings = Workflow.newActivityStub(
                Greetings.class,
                ActivityOptions.builder()
                        .setStartToCloseTimeout(Duration.ofSeconds(5))
                        .build());
        private String phase = "started";

        @Override
        public String greet(String name) {
            phase = "composing";
            String greeting = greetings.compose(name);
            phase = "done";
            return greeting;
        }

        @Override
        public String phase() {
            return phase;
        }
    }

    @WorkflowInterface
    public interface Defaulted {
        @WorkflowMethod(name = "Defaulted")
        String greet(String name);
    }

    /** Its stub has no options: they come from the WorkflowImplementationOptions it is registered with. */
    public static class DefaultedImpl implements Defaulted {
        private final Greetings greetings = Workflow.newActivityStub(Greetings.class);

        @Override
        public String greet(String name) {
            return greetings.compose(name);
        }
    }

    @WorkflowInterface
    public interface Named {
        @WorkflowMethod(name = "Named")
        String run();

        @UpdateMethod(name = "rename")
        String rename(String name);

        @UpdateValidatorMethod(updateName = "rename")
        void validateRename(String name);
    }

    /** Waits for ever; its update renames it, unless the new name is blank. */
    public static class NamedImpl implements Named {
        private String name = "nobody";

        @Override
        public String run() {
            Workflow.await(() -> false);
            return name;
        }

        @Override
        public String rename(String name) {
            String old = this.name;
            this.name = name;
            return old + " is now " + name;
        }

        @Override
        public void validateRename(String name) {
            if (name.isBlank()) {
                throw new IllegalArgumentException("a name must not be blank");
            }
        }
    }

    @WorkflowInterface
    public interface LocalGreeter {
        @WorkflowMethod(name = "LocalHello")
        String greet(String name);
    }

    /** Three local activities in a row: the worker runs them inside the workflow task. */
    public static class LocalGreeterImpl implements LocalGreeter {
        private final Greetings greetings = Workflow.newLocalActivityStub(
                Greetings.class,
                LocalActivityOptions.newBuilder()
                        .setStartToCloseTimeout(Duration.ofSeconds(5))
                        .build());

        @Override
        public String greet(String name) {
            return greetings.compose(name) + " " + greetings.compose(name + " again") + " "
                    + greetings.compose(name + " once more");
        }
    }

    public static class GreetingsImpl implements Greetings {
        @Override
        public String compose(String name) {
            return "Hello, " + name + "! (attempt "
                    + Activity.getExecutionContext().getInfo().getAttempt() + ")";
        }

        @Override
        public String explode(String name) {
            throw ApplicationFailure.newNonRetryableFailure("cannot greet " + name, "Unwelcome");
        }

        @Override
        public String beat(String name) {
            var context = Activity.getExecutionContext();
            int previous = context.getHeartbeatDetails(Integer.class).orElse(0);
            context.heartbeat(previous + 1);
            return name + " resumed from " + previous;
        }
    }

    private final BlockingQueue<WorkflowTask> workflowTasks = new LinkedBlockingQueue<>();
    private final BlockingQueue<ActivityTask> activityTasks = new LinkedBlockingQueue<>();
    private FakeFrontend frontend;
    private WorkerFactory factory;

    @BeforeEach
    void start() throws Exception {
        frontend = new FakeFrontend();
        frontend.route("POST", NS + "/task-queues/greetings/workflow-tasks/poll", r -> next(workflowTasks))
                .route("POST", NS + "/task-queues/greetings/activity-tasks/poll", r -> next(activityTasks))
                .route("POST", NS + "/workflow-tasks/complete", r -> Answer.empty(204))
                .route("POST", NS + "/workflow-tasks/fail", r -> Answer.empty(204))
                .route("POST", NS + "/activity-tasks/complete", r -> Answer.empty(204))
                .route("POST", NS + "/activity-tasks/fail", r -> Answer.empty(204))
                .route("POST", NS + "/query-tasks/complete", r -> Answer.empty(204))
                .route("POST", NS + "/task-queues/greetings/polls/cancel", r -> Answer.empty(204))
                .route(
                        "POST",
                        NS + "/activity-tasks/heartbeat",
                        r -> Answer.json(200, Json.read("{\"cancelRequested\":false}", Object.class)));
        WorkflowClient client = WorkflowClient.newInstance(WorkflowClientOptions.builder()
                .setTarget(frontend.target())
                .setIdentity("worker-test")
                .build());
        factory = WorkerFactory.newInstance(client);
        Worker worker = factory.newWorker(
                "greetings",
                WorkerOptions.builder()
                        .setWorkflowPollers(1)
                        .setActivityPollers(1)
                        .build());
        worker.registerWorkflowImplementationTypes(GreeterImpl.class, LocalGreeterImpl.class, NamedImpl.class);
        worker.registerWorkflowImplementationTypes(
                WorkflowImplementationOptions.newBuilder()
                        .setDefaultActivityOptions(ActivityOptions.newBuilder()
                                .setStartToCloseTimeout(Duration.ofSeconds(42))
                                .build())
                        .build(),
                DefaultedImpl.class);
        worker.registerActivitiesImplementations(new GreetingsImpl());
        factory.start();
    }

    @AfterEach
    void stop() {
        factory.shutdownNow();
        assertThat(factory.awaitTermination(Duration.ofSeconds(10))).isTrue();
        frontend.close();
    }

    /** A short long poll: the next task, or 204 after a while. */
    static <T> Answer next(BlockingQueue<T> queue) {
        try {
            T task = queue.poll(200, TimeUnit.MILLISECONDS);
            return task == null ? Answer.empty(204) : Answer.json(200, task);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.empty(204);
        }
    }

    static String token(TaskToken.Kind kind, long startedEventId) {
        return new TaskToken(kind, "default", "wf-1", "run-1", "greetings", startedEventId - 1, startedEventId, 1, null)
                .encode();
    }

    static List<HistoryEvent> firstTask() {
        List<HistoryEvent> history = new ArrayList<>();
        history.add(new HistoryEvent(
                1,
                T,
                new EventAttributes.WorkflowExecutionStarted(
                        "Hello", "greetings", Json.array("World"), null, null, null, "req", "client")));
        history.add(new HistoryEvent(2, T, new EventAttributes.WorkflowTaskScheduled("greetings", null, 1)));
        history.add(new HistoryEvent(3, T, new EventAttributes.WorkflowTaskStarted(2, "worker-test", "p1")));
        return history;
    }

    static List<HistoryEvent> secondTask() {
        List<HistoryEvent> history = firstTask();
        history.add(new HistoryEvent(4, T, new EventAttributes.WorkflowTaskCompleted(2, 3, "worker-test")));
        history.add(new HistoryEvent(
                5,
                T,
                new EventAttributes.ActivityTaskScheduled(
                        "1", "Compose", "greetings", Json.array("World"), null, null, null, null, null, 4)));
        history.add(new HistoryEvent(6, T, new EventAttributes.ActivityTaskStarted(5, "w", "p", 1, null)));
        history.add(new HistoryEvent(
                7, T, new EventAttributes.ActivityTaskCompleted(5, 6, Json.tree("Hello, World!"), "w")));
        history.add(new HistoryEvent(8, T, new EventAttributes.WorkflowTaskScheduled("greetings", null, 1)));
        history.add(new HistoryEvent(9, T, new EventAttributes.WorkflowTaskStarted(8, "worker-test", "p2")));
        return history;
    }

    @Test
    void workflowTasksAreAnsweredWithCommandsAndTheRunIsCachedBetweenThem() {
        workflowTasks.add(
                new WorkflowTask(token(TaskToken.Kind.WORKFLOW, 3), "wf-1", "run-1", "Hello", 1, firstTask(), null));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> frontend.requests(NS + "/workflow-tasks/complete").size() == 1);
        FakeFrontend.Request first =
                frontend.requests(NS + "/workflow-tasks/complete").getFirst();
        assertThat(first.body().get("identity").asString()).isEqualTo("worker-test");
        assertThat(first.body().get("commands").get(0).get("commandType").asString())
                .isEqualTo("ScheduleActivityTask");
        assertThat(first.body().get("commands").get(0).get("activityType").asString())
                .isEqualTo("Compose");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> factory.getWorker("greetings").getCachedWorkflowCount() == 1);

        workflowTasks.add(new WorkflowTask(
                token(TaskToken.Kind.QUERY, 3),
                "wf-1",
                "run-1",
                "Hello",
                1,
                firstTask(),
                new WorkflowQuery("phase", Json.array())));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> frontend.requests(NS + "/query-tasks/complete").size() == 1);
        assertThat(frontend.requests(NS + "/query-tasks/complete")
                        .getFirst()
                        .body()
                        .get("result")
                        .asString())
                .isEqualTo("composing");

        workflowTasks.add(
                new WorkflowTask(token(TaskToken.Kind.WORKFLOW, 9), "wf-1", "run-1", "Hello", 1, secondTask(), null));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> frontend.requests(NS + "/workflow-tasks/complete").size() == 2);
        FakeFrontend.Request second =
                frontend.requests(NS + "/workflow-tasks/complete").get(1);
        assertThat(second.body().get("commands").get(0).get("commandType").asString())
                .isEqualTo("CompleteWorkflowExecution");
        assertThat(second.body().get("commands").get(0).get("result").asString())
                .isEqualTo("Hello, World!");
        assertThat(factory.getWorker("greetings").getCachedWorkflowCount()).isZero();
    }

    @Test
    void theUpdatesATaskDeliversAreAnsweredWithItsCommands() {
        List<HistoryEvent> history = firstTask();
        history.set(
                0,
                new HistoryEvent(
                        1,
                        T,
                        new EventAttributes.WorkflowExecutionStarted(
                                "Named", "greetings", Json.array(), null, null, null, "req", "client")));
        List<UpdateRequest> updates = List.of(
                new UpdateRequest(new UpdateMeta("u-1", "client"), new UpdateInput("rename", Json.array("Ada"))),
                new UpdateRequest(new UpdateMeta("u-2", "client"), new UpdateInput("rename", Json.array(" "))));
        workflowTasks.add(new WorkflowTask(
                token(TaskToken.Kind.WORKFLOW, 3), "wf-1", "run-1", "Named", 1, history, null, updates));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> frontend.requests(NS + "/workflow-tasks/complete").size() == 1);
        JsonNode commands = frontend.requests(NS + "/workflow-tasks/complete")
                .getFirst()
                .body()
                .get("commands");
        assertThat(commands.valueStream()
                        .map(c -> c.get("commandType").asString() + " "
                                + c.get("updateId").asString()))
                .containsExactly("RejectWorkflowUpdate u-2", "AcceptWorkflowUpdate u-1", "CompleteWorkflowUpdate u-1");
        assertThat(commands.get(0).get("failure").get("message").asString()).isEqualTo("a name must not be blank");
        assertThat(commands.get(2).get("result").asString()).isEqualTo("nobody is now Ada");
    }

    @Test
    void workflowsRegisteredWithImplementationOptionsTakeTheirDefaultActivityOptions() {
        List<HistoryEvent> history = firstTask();
        history.set(
                0,
                new HistoryEvent(
                        1,
                        T,
                        new EventAttributes.WorkflowExecutionStarted(
                                "Defaulted", "greetings", Json.array("World"), null, null, null, "req", "client")));
        workflowTasks.add(
                new WorkflowTask(token(TaskToken.Kind.WORKFLOW, 3), "wf-1", "run-1", "Defaulted", 1, history, null));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> frontend.requests(NS + "/workflow-tasks/complete").size() == 1);
        var command = frontend.requests(NS + "/workflow-tasks/complete")
                .getFirst()
                .body()
                .get("commands")
                .get(0);
        assertThat(command.get("activityType").asString()).isEqualTo("Compose");
        assertThat(command.get("startToCloseTimeout").asString()).isEqualTo("42s");
        assertThat(factory.getWorker("greetings").getWorkflowTypes())
                .containsExactlyInAnyOrder("Hello", "LocalHello", "Defaulted", "Named");
    }

    @Test
    void aWorkflowTaskWithLocalActivitiesIsAnsweredWithTheirMarkers() {
        List<HistoryEvent> history = firstTask();
        history.set(
                0,
                new HistoryEvent(
                        1,
                        T,
                        new EventAttributes.WorkflowExecutionStarted(
                                "LocalHello", "greetings", Json.array("Ada"), null, null, null, "req", "client")));
        workflowTasks.add(
                new WorkflowTask(token(TaskToken.Kind.WORKFLOW, 3), "wf-1", "run-1", "LocalHello", 1, history, null));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> frontend.requests(NS + "/workflow-tasks/complete").size() == 1);
        var commands = frontend.requests(NS + "/workflow-tasks/complete")
                .getFirst()
                .body()
                .get("commands");
        assertThat(commands).hasSize(4);
        String[] names = {"Ada", "Ada again", "Ada once more"};
        for (int i = 0; i < 3; i++) {
            var marker = commands.get(i);
            assertThat(marker.get("commandType").asString()).isEqualTo("RecordMarker");
            assertThat(marker.get("markerName").asString()).isEqualTo("LocalActivity");
            assertThat(marker.get("details").get("activityId").asString()).isEqualTo(String.valueOf(i + 1));
            assertThat(marker.get("details").get("activityType").asString()).isEqualTo("Compose");
            assertThat(marker.get("details").get("attempt").asInt()).isEqualTo(1);
            assertThat(marker.get("details").get("result").asString())
                    .isEqualTo("Hello, " + names[i] + "! (attempt 1)");
        }
        assertThat(commands.get(3).get("commandType").asString()).isEqualTo("CompleteWorkflowExecution");
        assertThat(commands.get(3).get("result").asString())
                .isEqualTo("Hello, Ada! (attempt 1) Hello, Ada again! (attempt 1) Hello, Ada once more! (attempt 1)");
        assertThat(frontend.requests(NS + "/activity-tasks/complete")).isEmpty();
    }

    @Test
    void shutdownAsksTheServerToCancelTheWorkersPolls() {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !frontend.requests(NS + "/task-queues/greetings/workflow-tasks/poll")
                        .isEmpty());

        factory.shutdown();

        assertThat(factory.awaitTermination(Duration.ofSeconds(10))).isTrue();
        FakeFrontend.Request cancel =
                frontend.requests(NS + "/task-queues/greetings/polls/cancel").getFirst();
        assertThat(cancel.body().get("identity").asString()).isEqualTo("worker-test");
    }

    @Test
    void unknownWorkflowTypeFailsTheTask() {
        List<HistoryEvent> history = firstTask();
        workflowTasks.add(
                new WorkflowTask(token(TaskToken.Kind.WORKFLOW, 3), "wf-1", "run-1", "Nope", 1, history, null));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> frontend.requests(NS + "/workflow-tasks/fail").size() == 1);
        FakeFrontend.Request fail =
                frontend.requests(NS + "/workflow-tasks/fail").getFirst();
        assertThat(fail.body().get("cause").asString()).isEqualTo("WORKFLOW_WORKER_UNHANDLED_FAILURE");
        assertThat(fail.body().get("failure").get("message").asString()).contains("'Nope' is not registered");
    }

    @Test
    void activitiesCompleteWithTheirResultOrFailWithTheirType() {
        activityTasks.add(activityTask("Compose", 2));
        activityTasks.add(activityTask("Explode", 1));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> frontend.requests(NS + "/activity-tasks/complete").size() == 1
                        && frontend.requests(NS + "/activity-tasks/fail").size() == 1);
        assertThat(frontend.requests(NS + "/activity-tasks/complete")
                        .getFirst()
                        .body()
                        .get("result")
                        .asString())
                .isEqualTo("Hello, World! (attempt 2)");
        FakeFrontend.Request fail =
                frontend.requests(NS + "/activity-tasks/fail").getFirst();
        assertThat(fail.body().get("failure").get("type").asString()).isEqualTo("Unwelcome");
        assertThat(fail.body().get("failure").get("message").asString()).isEqualTo("cannot greet World");
        assertThat(fail.body().get("failure").get("nonRetryable").asBoolean()).isTrue();
        assertThat(fail.body().get("failure").get("stackTrace").asString()).contains("GreetingsImpl.explode");
    }

    @Test
    void heartbeatsCarryDetailsAndTheNextAttemptSeesTheLastOnes() {
        ActivityTask task = activityTask("Beat", 2);
        activityTasks.add(new ActivityTask(
                task.taskToken(),
                task.namespace(),
                task.workflowId(),
                task.runId(),
                task.workflowType(),
                task.activityId(),
                task.activityType(),
                task.taskQueue(),
                task.input(),
                task.attempt(),
                task.scheduledTime(),
                task.currentAttemptScheduledTime(),
                task.startedTime(),
                task.scheduleToCloseTimeout(),
                task.startToCloseTimeout(),
                Duration.ofSeconds(5),
                Json.tree(41)));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> frontend.requests(NS + "/activity-tasks/complete").size() == 1);
        FakeFrontend.Request heartbeat =
                frontend.requests(NS + "/activity-tasks/heartbeat").getFirst();
        assertThat(heartbeat.body().get("details").asInt()).isEqualTo(42);
        assertThat(heartbeat.body().get("taskToken").asString()).isEqualTo(task.taskToken());
        assertThat(frontend.requests(NS + "/activity-tasks/complete")
                        .getFirst()
                        .body()
                        .get("result")
                        .asString())
                .isEqualTo("World resumed from 41");
    }

    static ActivityTask activityTask(String type, int attempt) {
        return new ActivityTask(
                token(TaskToken.Kind.ACTIVITY, 6),
                "default",
                "wf-1",
                "run-1",
                "Hello",
                "1",
                type,
                "greetings",
                Json.array("World"),
                attempt,
                T,
                T,
                T,
                null,
                Duration.ofSeconds(5),
                null,
                null);
    }
}
