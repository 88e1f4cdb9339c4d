package io.perdura.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.perdura.common.json.Json;
import io.perdura.samples.counter.Counter;
import io.perdura.sdk.activity.ActivityInterface;
import io.perdura.sdk.activity.ActivityOptions;
import io.perdura.sdk.client.UpdateOptions;
import io.perdura.sdk.client.WorkflowClient;
import io.perdura.sdk.client.WorkflowOptions;
import io.perdura.sdk.client.WorkflowStub;
import io.perdura.sdk.client.WorkflowUpdateException;
import io.perdura.sdk.client.WorkflowUpdateHandle;
import io.perdura.sdk.client.WorkflowUpdateStage;
import io.perdura.sdk.failure.ApplicationFailure;
import io.perdura.sdk.worker.WorkerFactory;
import io.perdura.sdk.workflow.SignalMethod;
import io.perdura.sdk.workflow.UpdateMethod;
import io.perdura.sdk.workflow.Workflow;
import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Workflow updates end to end (Temporal's Update): the Counter sample through REST and the SDK, a
 * rejected update that leaves history as it was, updates while an activity runs and before the first
 * workflow task, repeated update ids, waiting for ACCEPTED only, and an accepted update that survives
 * a kill -9 of the server.
 */
interface UpdateConformance extends Conformance {

    /** Activities that wait until the test lets them go, by key. */
    @ActivityInterface
    interface Holds {
        String hold(String key);
    }

    /** Latches the test counts down; one per key. */
    Map<String, CountDownLatch> HELD = new ConcurrentHashMap<>();

    /** The activity. */
    class HoldsActivity implements Holds {
        @Override
        public String hold(String key) {
            try {
                if (!HELD.computeIfAbsent(key, k -> new CountDownLatch(1)).await(60, TimeUnit.SECONDS)) {
                    throw ApplicationFailure.newFailure("held for too long", "Held");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ApplicationFailure.newFailure("interrupted", "Held");
            }
            return "released";
        }
    }

    /**
     * Workflow type {@code UpdateGate}: input {@code [holdKey]} (null: no activity); runs activity
     * {@code hold} first when given a key, then waits for signal {@code open} and for its handlers;
     * update {@code note} records a text at once, update {@code enter} waits for {@code open}; the
     * result lists what the handlers recorded.
     */
    @WorkflowInterface
    interface UpdateGate {
        @WorkflowMethod(name = "UpdateGate")
        List<String> run(String holdKey);

        @UpdateMethod(name = "note")
        String note(String text);

        @UpdateMethod(name = "enter")
        String enter(String who);

        @SignalMethod(name = "open")
        void open();
    }

    /** The gate. */
    class UpdateGateWorkflow implements UpdateGate {
        private final Holds holds = Workflow.newActivityStub(
                Holds.class,
                ActivityOptions.builder()
                        .setStartToCloseTimeout(Duration.ofSeconds(90))
                        .build());
        private final List<String> log = new ArrayList<>();
        private boolean opened;

        @Override
        public List<String> run(String holdKey) {
            if (holdKey != null) {
                log.add("activity " + holds.hold(holdKey));
            }
            Workflow.await(() -> opened && Workflow.isEveryHandlerFinished());
            return log;
        }

        @Override
        public String note(String text) {
            log.add(text);
            return "noted " + text;
        }

        @Override
        public String enter(String who) {
            Workflow.await(() -> opened);
            log.add(who + " entered");
            return who + " entered";
        }

        @Override
        public void open() {
            opened = true;
        }
    }

    private WorkerFactory startGateWorker() {
        return startWorker(worker -> {
            worker.registerWorkflowImplementationTypes(UpdateGateWorkflow.class);
            worker.registerActivitiesImplementations(new HoldsActivity());
        });
    }

    private RestApi.Response update(String workflowId, String name, String bodyJson) {
        return api().post(NS + "/workflows/" + workflowId + "/update/" + name, bodyJson);
    }

    /** The run's events as JSON. */
    private JsonNode history(String workflowId) {
        return api().get(NS + "/workflows/" + workflowId + "/history?pageSize=1000")
                .json()
                .get("events");
    }

    private long count(List<String> eventTypes, String type) {
        return eventTypes.stream().filter(type::equals).count();
    }

    @Test
    default void counterAddsThroughRestAndARejectedAddLeavesHistoryAsItWas() {
        startSamplesWorker();
        String id = Conformance.id("counter");
        start(id, "Counter", "[]");

        RestApi.Response three = update(id, "add", "{\"input\":[3]}");
        assertThat(three.status()).as(three.body()).isEqualTo(200);
        assertThat(three.json().get("stage").asString()).isEqualTo("COMPLETED");
        assertThat(three.json().get("result").asInt()).isEqualTo(3);
        RestApi.Response seven = update(id, "add", "{\"input\":[4]}");
        assertThat(seven.json().get("result").asInt()).as(seven.body()).isEqualTo(7);
        JsonNode before = history(id);

        RestApi.Response rejected = update(id, "add", "{\"input\":[-1]}");

        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.json().get("stage").asString()).isEqualTo("REJECTED");
        assertThat(rejected.json().get("failure").get("message").asString()).isEqualTo("k must not be negative: -1");
        assertThat(history(id)).as("a rejected update writes nothing").isEqualTo(before);
        RestApi.Response value = api().post(NS + "/workflows/" + id + "/query/value", "{\"input\":[]}");
        assertThat(value.json().get("result").asInt()).as(value.body()).isEqualTo(7);
        api().post(NS + "/workflows/" + id + "/signal/finish", "{\"input\":[]}");
        assertThat(result(id).get("result").asInt()).isEqualTo(7);
        List<String> types = eventTypes(id);
        assertThat(count(types, "WorkflowExecutionUpdateAccepted")).isEqualTo(2);
        assertThat(count(types, "WorkflowExecutionUpdateCompleted")).isEqualTo(2);
    }

    @Test
    default void counterThroughTheTypedStubReturnsTotalsAndRejectsWithWorkflowUpdateException() {
        startSamplesWorker();
        Counter counter = client().newWorkflowStub(
                        Counter.class,
                        WorkflowOptions.builder()
                                .setWorkflowId(Conformance.id("counter-typed"))
                                .setTaskQueue(queue())
                                .build());
        WorkflowClient.start(counter::count);

        assertThat(counter.add(3)).isEqualTo(3);
        assertThat(counter.add(4)).isEqualTo(7);
        assertThatThrownBy(() -> counter.add(-1)).isInstanceOfSatisfying(WorkflowUpdateException.class, e -> {
            assertThat(e.getUpdateName()).isEqualTo("add");
            assertThat(e.getCause()).isInstanceOf(ApplicationFailure.class);
            assertThat(((ApplicationFailure) e.getCause()).getOriginalMessage())
                    .isEqualTo("k must not be negative: -1");
        });
        assertThat(counter.value()).isEqualTo(7);
        counter.finish();

        assertThat(WorkflowStub.fromTyped(counter).getResult(Integer.class)).isEqualTo(7);
    }

    @Test
    default void anUpdateWhileAnActivityRunsCompletesBeforeTheActivity() {
        startGateWorker();
        String id = Conformance.id("gate-activity");
        start(id, "UpdateGate", "[\"" + id + "\"]");
        await().atMost(Duration.ofSeconds(30)).until(() -> eventTypes(id).contains("ActivityTaskScheduled"));

        RestApi.Response noted = update(id, "note", "{\"input\":[\"while the activity runs\"]}");

        assertThat(noted.json().get("result").asString()).as(noted.body()).isEqualTo("noted while the activity runs");
        HELD.computeIfAbsent(id, k -> new CountDownLatch(1)).countDown();
        api().post(NS + "/workflows/" + id + "/signal/open", "{\"input\":[]}");
        assertThat(result(id)
                        .get("result")
                        .valueStream()
                        .map(JsonNode::asString)
                        .toList())
                .containsExactly("while the activity runs", "activity released");
        List<String> types = eventTypes(id);
        assertThat(types.indexOf("WorkflowExecutionUpdateCompleted"))
                .isGreaterThan(types.indexOf("ActivityTaskScheduled"))
                .isLessThan(types.indexOf("ActivityTaskCompleted"));
    }

    @Test
    default void anUpdateBeforeTheFirstWorkflowTaskRidesOnIt() {
        startSamplesWorker();
        String id = Conformance.id("counter-early");
        RestApi.Response started = api().post(
                        NS + "/workflows/" + id,
                        "{\"workflowType\":\"Counter\",\"taskQueue\":\"" + queue()
                                + "\",\"input\":[],\"workflowStartDelay\":\"3s\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);

        RestApi.Response added = update(id, "add", "{\"input\":[5]}");

        assertThat(added.json().get("result").asInt()).as(added.body()).isEqualTo(5);
        assertThat(eventTypes(id))
                .containsExactly(
                        "WorkflowExecutionStarted",
                        "WorkflowTaskScheduled",
                        "WorkflowTaskStarted",
                        "WorkflowTaskCompleted",
                        "WorkflowExecutionUpdateAccepted",
                        "WorkflowExecutionUpdateCompleted");
        api().post(NS + "/workflows/" + id + "/signal/finish", "{\"input\":[]}");
        assertThat(result(id).get("result").asInt()).isEqualTo(5);
    }

    @Test
    default void aRepeatedUpdateIdReturnsTheFirstOutcome() {
        startSamplesWorker();
        String id = Conformance.id("counter-repeat");
        start(id, "Counter", "[]");

        RestApi.Response first = update(id, "add", "{\"input\":[3],\"updateId\":\"add-once\"}");
        RestApi.Response repeat = update(id, "add", "{\"input\":[100],\"updateId\":\"add-once\"}");

        assertThat(first.json().get("result").asInt()).as(first.body()).isEqualTo(3);
        assertThat(repeat.json().get("updateId").asString()).isEqualTo("add-once");
        assertThat(repeat.json().get("stage").asString()).isEqualTo("COMPLETED");
        assertThat(repeat.json().get("result").asInt()).as(repeat.body()).isEqualTo(3);
        RestApi.Response value = api().post(NS + "/workflows/" + id + "/query/value", "{\"input\":[]}");
        assertThat(value.json().get("result").asInt()).isEqualTo(3);
        assertThat(count(eventTypes(id), "WorkflowExecutionUpdateAccepted")).isEqualTo(1);
    }

    @Test
    default void waitingForAcceptedReturnsBeforeTheHandlerFinishes() {
        startGateWorker();
        String id = Conformance.id("gate-accepted");
        start(id, "UpdateGate", "[null]");

        RestApi.Response accepted =
                update(id, "enter", "{\"input\":[\"ada\"],\"updateId\":\"enter-ada\",\"waitForStage\":\"ACCEPTED\"}");

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().get("stage").asString()).isEqualTo("ACCEPTED");
        List<String> types = eventTypes(id);
        assertThat(types)
                .contains("WorkflowExecutionUpdateAccepted")
                .doesNotContain("WorkflowExecutionUpdateCompleted");
        WorkflowUpdateHandle<String> handle = client().newUntypedWorkflowStub(id)
                .startUpdate(
                        UpdateOptions.newBuilder(String.class)
                                .setUpdateName("enter")
                                .setUpdateId("enter-ada")
                                .setWaitForStage(WorkflowUpdateStage.ACCEPTED)
                                .build(),
                        "ada");
        CompletableFuture<String> result = handle.getResultAsync();
        assertThat(result).isNotDone();

        api().post(NS + "/workflows/" + id + "/signal/open", "{\"input\":[]}");

        assertThat(result.join()).isEqualTo("ada entered");
        RestApi.Response completed = update(id, "enter", "{\"input\":[\"ada\"],\"updateId\":\"enter-ada\"}");
        assertThat(completed.json().get("result").asString())
                .as(completed.body())
                .isEqualTo("ada entered");
        assertThat(result(id).get("result").get(0).asString()).isEqualTo("ada entered");
    }

    @Test
    default void anAcceptedUpdateSurvivesAKillDashNineOfTheServerAndCompletesForTheCallersRetry() {
        WorkerFactory worker = startGateWorker();
        String id = Conformance.id("gate-crash");
        start(id, "UpdateGate", "[null]");
        WorkflowStub stub = client().newUntypedWorkflowStub(id);
        UpdateOptions<String> enter = UpdateOptions.newBuilder(String.class)
                .setUpdateName("enter")
                .setUpdateId("enter-crash")
                .setWaitForStage(WorkflowUpdateStage.ACCEPTED)
                .build();
        assertThat(stub.startUpdate(enter, "grace").getId()).isEqualTo("enter-crash");
        stopWorker(worker);

        server().kill();
        server().start();
        startGateWorker();
        UpdateOptions<String> retry = UpdateOptions.newBuilder(String.class)
                .setUpdateName("enter")
                .setUpdateId("enter-crash")
                .build();
        CompletableFuture<String> completed = CompletableFuture.supplyAsync(
                () -> stub.startUpdate(retry, "grace").getResult(),
                command -> Thread.ofVirtual().start(command));
        assertThat(completed).as("the handler waits for open").isNotDone();

        RestApi.Response open = api().post(NS + "/workflows/" + id + "/signal/open", "{\"input\":[]}");
        assertThat(open.status()).as(open.body()).isEqualTo(204);

        assertThat(completed.join()).isEqualTo("grace entered");
        assertThat(result(id).get("result")).isEqualTo(Json.array("grace entered"));
        List<String> types = eventTypes(id);
        assertThat(count(types, "WorkflowExecutionUpdateAccepted")).isEqualTo(1);
        assertThat(count(types, "WorkflowExecutionUpdateCompleted")).isEqualTo(1);
    }
}
