package io.perdura.sdk.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.perdura.common.api.ActivityTask;
import io.perdura.common.api.StartWorkflowResponse;
import io.perdura.common.api.TaskToken;
import io.perdura.common.api.WorkflowQuery;
import io.perdura.common.api.WorkflowResult;
import io.perdura.common.api.WorkflowTask;
import io.perdura.common.history.EventAttributes;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import io.perdura.common.model.WorkflowStatus;
import io.perdura.sdk.activity.Activity;
import io.perdura.sdk.activity.ActivityInterface;
import io.perdura.sdk.activity.ActivityOptions;
import io.perdura.sdk.client.WorkflowClient;
import io.perdura.sdk.client.WorkflowClientOptions;
import io.perdura.sdk.client.WorkflowOptions;
import io.perdura.sdk.common.converter.DataConverter;
import io.perdura.sdk.common.converter.DefaultDataConverter;
import io.perdura.sdk.common.converter.JacksonJsonPayloadConverter;
import io.perdura.sdk.common.converter.PayloadConverter;
import io.perdura.sdk.fake.FakeFrontend;
import io.perdura.sdk.fake.FakeFrontend.Answer;
import io.perdura.sdk.workflow.QueryMethod;
import io.perdura.sdk.workflow.Workflow;
import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

/**
 * The client's {@link DataConverter} is the one its workers, their workflow code and their activities
 * use: with a converter that writes every string as {@code "enc:" + s} (and refuses to read a string
 * without the prefix), every payload the client and the worker send is encoded and every one they
 * read is decoded — workflow input, activity input and result, side effects, queries, workflow result.
 */
class DataConverterWorkerTests {

    private static final String NS = "/api/v1/namespaces/default";
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    /** Strings as {@code "enc:" + s}; everything else as Jackson writes it. */
    static final class PrefixingPayloadConverter implements PayloadConverter {
        private final PayloadConverter json = JacksonJsonPayloadConverter.getDefaultInstance();

        @Override
        public JsonNode toPayload(Object value) {
            return value instanceof String s ? StringNode.valueOf("enc:" + s) : json.toPayload(value);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T fromPayload(JsonNode payload, Class<T> valueClass, Type valueType) {
            if (valueClass == String.class) {
                String text = payload.asString();
                if (!text.startsWith("enc:")) {
                    throw new IllegalArgumentException("not encoded: " + text);
                }
                return (T) text.substring("enc:".length());
            }
            return json.fromPayload(payload, valueClass, valueType);
        }
    }

    static final DataConverter PREFIXING = new DefaultDataConverter(new PrefixingPayloadConverter());

    @WorkflowInterface
    public interface Greeter {
        @WorkflowMethod(name = "Hello")
        String greet(String name);

        @QueryMethod
        String phase(String prefix);
    }

    @ActivityInterface
    public interface Greetings {
        String compose(String name);
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
            String salutation = Workflow.sideEffect(String.class, () -> "Hello");
            phase = "composing";
            return salutation + " " + greetings.compose(name.toUpperCase());
        }

        @Override
        public String phase(String prefix) {
            return phase + "/" + prefix;
        }
    }

    public static class GreetingsImpl implements Greetings {
        @Override
        public String compose(String name) {
            return "Hi " + name + " ("
                    + Activity.getExecutionContext().getInfo().getActivityType() + ")";
        }
    }

    private final BlockingQueue<WorkflowTask> workflowTasks = new LinkedBlockingQueue<>();
    private final BlockingQueue<ActivityTask> activityTasks = new LinkedBlockingQueue<>();
    private FakeFrontend frontend;
    private WorkflowClient client;
    private WorkerFactory factory;

    @BeforeEach
    void start() throws Exception {
        frontend = new FakeFrontend();
        frontend.route("POST", NS + "/task-queues/greetings/workflow-tasks/poll", r -> WorkerTests.next(workflowTasks))
                .route("POST", NS + "/task-queues/greetings/activity-tasks/poll", r -> WorkerTests.next(activityTasks))
                .route("POST", NS + "/workflow-tasks/complete", r -> Answer.empty(204))
                .route("POST", NS + "/activity-tasks/complete", r -> Answer.empty(204))
                .route("POST", NS + "/query-tasks/complete", r -> Answer.empty(204))
                .route("POST", NS + "/task-queues/greetings/polls/cancel", r -> Answer.empty(204));
        client = WorkflowClient.newInstance(WorkflowClientOptions.builder()
                .setTarget(frontend.target())
                .setIdentity("worker-test")
                .setDataConverter(PREFIXING)
                .build());
        factory = WorkerFactory.newInstance(client);
        Worker worker = factory.newWorker(
                "greetings",
                WorkerOptions.builder()
                        .setWorkflowPollers(1)
                        .setActivityPollers(1)
                        .build());
        worker.registerWorkflowImplementationTypes(GreeterImpl.class);
        worker.registerActivitiesImplementations(new GreetingsImpl());
        factory.start();
    }

    @AfterEach
    void stop() {
        factory.shutdownNow();
        assertThat(factory.awaitTermination(Duration.ofSeconds(10))).isTrue();
        frontend.close();
    }

    @Test
    void theClientEncodesTheInputAndDecodesTheResult() {
        String workflows = NS + "/workflows/";
        frontend.route("POST", workflows + "hello-1", r -> Answer.json(201, new StartWorkflowResponse("hello-1", "r")))
                .route(
                        "GET",
                        workflows + "hello-1/result",
                        r -> Answer.json(
                                200,
                                new WorkflowResult(
                                        "hello-1",
                                        "r",
                                        WorkflowStatus.COMPLETED,
                                        Json.tree("enc:Hello, World"),
                                        null)));

        String result = client.newWorkflowStub(
                        Greeter.class,
                        WorkflowOptions.builder()
                                .setWorkflowId("hello-1")
                                .setTaskQueue("greetings")
                                .build())
                .greet("World");

        assertThat(result).isEqualTo("Hello, World");
        assertThat(frontend.requests(workflows + "hello-1").getFirst().body().get("input"))
                .isEqualTo(Json.array("enc:World"));
    }

    @Test
    void workflowCodeAndActivitiesReadAndWriteThroughTheClientsConverter() {
        workflowTasks.add(
                new WorkflowTask(token(TaskToken.Kind.WORKFLOW, 3), "wf-1", "run-1", "Hello", 1, firstTask(), null));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> frontend.requests(NS + "/workflow-tasks/complete").size() == 1);
        JsonNode commands = frontend.requests(NS + "/workflow-tasks/complete")
                .getFirst()
                .body()
                .get("commands");
        assertThat(commands.get(0).get("commandType").asString()).isEqualTo("RecordMarker");
        assertThat(commands.get(0).get("details")).isEqualTo(sideEffectDetails());
        assertThat(commands.get(1).get("commandType").asString()).isEqualTo("ScheduleActivityTask");
        assertThat(commands.get(1).get("input")).isEqualTo(Json.array("enc:WORLD"));

        activityTasks.add(activityTask());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> frontend.requests(NS + "/activity-tasks/complete").size() == 1);
        assertThat(frontend.requests(NS + "/activity-tasks/complete")
                        .getFirst()
                        .body()
                        .get("result")
                        .asString())
                .isEqualTo("enc:Hi World (Compose)");

        workflowTasks.add(new WorkflowTask(
                token(TaskToken.Kind.QUERY, 3),
                "wf-1",
                "run-1",
                "Hello",
                1,
                firstTask(),
                new WorkflowQuery("phase", Json.array("enc:now"))));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> frontend.requests(NS + "/query-tasks/complete").size() == 1);
        assertThat(frontend.requests(NS + "/query-tasks/complete")
                        .getFirst()
                        .body()
                        .get("result")
                        .asString())
                .isEqualTo("enc:composing/now");
    }

    @Test
    void theWorkflowResultIsEncodedAfterReplayDecodedTheRecordedOutcomes() {
        List<HistoryEvent> history = firstTask();
        history.add(new HistoryEvent(4, T, new EventAttributes.WorkflowTaskCompleted(2, 3, "worker-test")));
        history.add(
                new HistoryEvent(5, T, new EventAttributes.MarkerRecorded("SideEffect", sideEffectDetails(), null, 4)));
        history.add(new HistoryEvent(
                6,
                T,
                new EventAttributes.ActivityTaskScheduled(
                        "1", "Compose", "greetings", Json.array("enc:WORLD"), null, null, null, null, null, 4)));
        history.add(new HistoryEvent(7, T, new EventAttributes.ActivityTaskStarted(6, "w", "p", 1, null)));
        history.add(new HistoryEvent(
                8, T, new EventAttributes.ActivityTaskCompleted(6, 7, Json.tree("enc:Hi World"), "w")));
        history.add(new HistoryEvent(9, T, new EventAttributes.WorkflowTaskScheduled("greetings", null, 1)));
        history.add(new HistoryEvent(10, T, new EventAttributes.WorkflowTaskStarted(9, "worker-test", "p2")));

        workflowTasks.add(
                new WorkflowTask(token(TaskToken.Kind.WORKFLOW, 10), "wf-1", "run-1", "Hello", 1, history, null));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> frontend.requests(NS + "/workflow-tasks/complete").size() == 1);
        JsonNode commands = frontend.requests(NS + "/workflow-tasks/complete")
                .getFirst()
                .body()
                .get("commands");
        assertThat(commands.get(0).get("commandType").asString()).isEqualTo("CompleteWorkflowExecution");
        assertThat(commands.get(0).get("result").asString()).isEqualTo("enc:Hello Hi World");
    }

    /** The details of side effect 1 as the worker records them: the encoded value under {@code data}. */
    private static JsonNode sideEffectDetails() {
        return Json.read("{\"id\":1,\"data\":\"enc:Hello\"}", JsonNode.class);
    }

    private static String token(TaskToken.Kind kind, long startedEventId) {
        return WorkerTests.token(kind, startedEventId);
    }

    private static List<HistoryEvent> firstTask() {
        List<HistoryEvent> history = new ArrayList<>();
        history.add(new HistoryEvent(
                1,
                T,
                new EventAttributes.WorkflowExecutionStarted(
                        "Hello", "greetings", Json.array("enc:World"), null, null, null, "req", "client")));
        history.add(new HistoryEvent(2, T, new EventAttributes.WorkflowTaskScheduled("greetings", null, 1)));
        history.add(new HistoryEvent(3, T, new EventAttributes.WorkflowTaskStarted(2, "worker-test", "p1")));
        return history;
    }

    private static ActivityTask activityTask() {
        return new ActivityTask(
                token(TaskToken.Kind.ACTIVITY, 6),
                "default",
                "wf-1",
                "run-1",
                "Hello",
                "1",
                "Compose",
                "greetings",
                Json.array("enc:World"),
                1,
                T,
                T,
                T,
                null,
                Duration.ofSeconds(5),
                null,
                null);
    }
}
