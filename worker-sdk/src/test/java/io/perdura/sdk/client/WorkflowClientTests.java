package io.perdura.sdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perdura.common.api.StartWorkflowResponse;
import io.perdura.common.api.WorkflowResult;
import io.perdura.common.error.ErrorType;
import io.perdura.common.json.Json;
import io.perdura.common.model.Failure;
import io.perdura.common.model.Failure.FailureKind;
import io.perdura.common.model.RetryState;
import io.perdura.common.model.WorkflowStatus;
import io.perdura.sdk.failure.ActivityFailure;
import io.perdura.sdk.failure.ApplicationFailure;
import io.perdura.sdk.failure.WorkflowFailedException;
import io.perdura.sdk.fake.FakeFrontend;
import io.perdura.sdk.fake.FakeFrontend.Answer;
import io.perdura.sdk.workflow.QueryMethod;
import io.perdura.sdk.workflow.SignalMethod;
import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkflowClientTests {

    private static final String WORKFLOWS = "/api/v1/namespaces/default/workflows/";

    @WorkflowInterface
    public interface Hello {
        @WorkflowMethod
        String greet(String name);
    }

    @WorkflowInterface
    public interface Cleanup {
        @WorkflowMethod(name = "Cleanup")
        void clean(String where, int depth);
    }

    @WorkflowInterface
    public interface Approval {
        @WorkflowMethod(name = "Approval")
        String request(String what);

        @SignalMethod
        void approve(String approver);

        @QueryMethod(name = "status")
        String currentStatus();
    }

    private FakeFrontend frontend;
    private WorkflowClient client;

    @BeforeEach
    void start() throws Exception {
        frontend = new FakeFrontend();
        client = WorkflowClient.newInstance(WorkflowClientOptions.builder()
                .setTarget(frontend.target())
                .setIdentity("test-client")
                .build());
    }

    @AfterEach
    void stop() {
        frontend.close();
    }

    private static WorkflowOptions options(String workflowId) {
        return WorkflowOptions.builder()
                .setWorkflowId(workflowId)
                .setTaskQueue("samples")
                .build();
    }

    @Test
    void typedStubStartsThenWaitsThroughRunningAnswersForTheResult() {
        AtomicInteger polls = new AtomicInteger();
        frontend.route(
                        "POST",
                        WORKFLOWS + "hello-1",
                        r -> Answer.json(201, new StartWorkflowResponse("hello-1", "run-1")))
                .route(
                        "GET",
                        WORKFLOWS + "hello-1/result",
                        r -> polls.incrementAndGet() == 1
                                ? Answer.json(
                                        202, new WorkflowResult("hello-1", "run-1", WorkflowStatus.RUNNING, null, null))
                                : Answer.json(
                                        200,
                                        new WorkflowResult(
                                                "hello-1",
                                                "run-1",
                                                WorkflowStatus.COMPLETED,
                                                Json.tree("Hello, World!"),
                                                null)));

        String result = client.newWorkflowStub(Hello.class, options("hello-1")).greet("World");

        assertThat(result).isEqualTo("Hello, World!");
        FakeFrontend.Request start = frontend.requests(WORKFLOWS + "hello-1").getFirst();
        assertThat(start.body().get("workflowType").asString()).isEqualTo("Hello");
        assertThat(start.body().get("taskQueue").asString()).isEqualTo("samples");
        assertThat(start.body().get("input")).isEqualTo(Json.array("World"));
        assertThat(start.body().get("requestId").asString()).isNotBlank();
        assertThat(frontend.requests(WORKFLOWS + "hello-1/result"))
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.query()).contains("runId=run-1").contains("wait=30s"));
    }

    @Test
    void startWithAMethodReferenceReturnsWithoutWaiting() {
        frontend.route(
                "POST", WORKFLOWS + "hello-2", r -> Answer.json(201, new StartWorkflowResponse("hello-2", "run-2")));
        Hello hello = client.newWorkflowStub(Hello.class, options("hello-2"));

        WorkflowExecution execution = WorkflowClient.start(hello::greet, "World");

        assertThat(execution).isEqualTo(new WorkflowExecution("hello-2", "run-2"));
        assertThat(WorkflowStub.fromTyped(hello).getExecution()).isEqualTo(execution);
        assertThat(frontend.requests(WORKFLOWS + "hello-2/result")).isEmpty();
    }

    @Test
    void startWithAMethodReferenceOfAVoidWorkflowMethod() {
        frontend.route(
                "POST", WORKFLOWS + "clean-1", r -> Answer.json(201, new StartWorkflowResponse("clean-1", "run-3")));
        Cleanup cleanup = client.newWorkflowStub(Cleanup.class, options("clean-1"));

        WorkflowExecution execution = WorkflowClient.start(cleanup::clean, "attic", 3);

        assertThat(execution.getRunId()).isEqualTo("run-3");
        FakeFrontend.Request start = frontend.requests(WORKFLOWS + "clean-1").getFirst();
        assertThat(start.body().get("workflowType").asString()).isEqualTo("Cleanup");
        assertThat(start.body().get("input")).isEqualTo(Json.array("attic", 3));
    }

    @Test
    void secondStartOfARunningWorkflowIsAlreadyStarted() {
        frontend.route(
                "POST", WORKFLOWS + "dup", r -> Answer.problem(409, "already-started", "workflow dup is running"));

        assertThatThrownBy(() ->
                        client.newUntypedWorkflowStub("Hello", options("dup")).start("x"))
                .isInstanceOfSatisfying(WorkflowExecutionAlreadyStarted.class, e -> {
                    assertThat(e.getErrorType()).isEqualTo(ErrorType.ALREADY_STARTED);
                    assertThat(e.getMessage()).isEqualTo("workflow dup is running");
                });
    }

    @Test
    void failedRunBecomesWorkflowFailedExceptionWithTheCauseChain() {
        Failure cause = Failure.application("CardDeclined", "card declined", false);
        Failure failure = new Failure(
                        "Activity failed",
                        FailureKind.ACTIVITY,
                        null,
                        false,
                        null,
                        null,
                        null,
                        new Failure.ActivityFailureInfo(5, 6, "1", "Charge", RetryState.MAXIMUM_ATTEMPTS_REACHED),
                        null)
                .withCause(cause);
        frontend.route(
                "GET",
                WORKFLOWS + "pay/result",
                r -> Answer.json(200, new WorkflowResult("pay", "run-9", WorkflowStatus.FAILED, null, failure)));

        assertThatThrownBy(() -> client.newUntypedWorkflowStub("pay").getResult(String.class))
                .isInstanceOfSatisfying(WorkflowFailedException.class, e -> {
                    assertThat(e.getStatus()).isEqualTo(WorkflowStatus.FAILED);
                    assertThat(e.getRunId()).isEqualTo("run-9");
                    assertThat(e.getCause()).isInstanceOfSatisfying(ActivityFailure.class, a -> {
                        assertThat(a.getActivityType()).isEqualTo("Charge");
                        assertThat(a.getCause()).isInstanceOfSatisfying(ApplicationFailure.class, app -> {
                            assertThat(app.getType()).isEqualTo("CardDeclined");
                            assertThat(app.getMessage()).isEqualTo("card declined");
                        });
                    });
                });
    }

    @Test
    void resultWithATimeoutGivesUpWhileStillRunning() {
        frontend.route(
                "GET",
                WORKFLOWS + "slow/result",
                r -> Answer.json(202, new WorkflowResult("slow", "r", WorkflowStatus.RUNNING, null, null)));

        assertThatThrownBy(() -> client.newUntypedWorkflowStub("slow").getResult(Duration.ofMillis(300), String.class))
                .isInstanceOfSatisfying(
                        WorkflowServiceException.class,
                        e -> assertThat(e.getErrorType()).isEqualTo(ErrorType.TIMEOUT));
    }

    @Test
    void signalAndQueryThroughATypedStubOfAnExistingWorkflow() {
        frontend.route("POST", WORKFLOWS + "ap-1/signal/approve", r -> Answer.empty(204))
                .route(
                        "POST",
                        WORKFLOWS + "ap-1/query/status",
                        r -> Answer.json(200, Json.read("{\"result\":\"WAITING\"}", Object.class)));
        Approval approval = client.newWorkflowStub(Approval.class, "ap-1");

        assertThat(approval.currentStatus()).isEqualTo("WAITING");
        approval.approve("alice");

        FakeFrontend.Request signal =
                frontend.requests(WORKFLOWS + "ap-1/signal/approve").getFirst();
        assertThat(signal.body().get("input")).isEqualTo(Json.array("alice"));
        assertThat(signal.body().get("identity").asString()).isEqualTo("test-client");
        assertThat(frontend.requests(WORKFLOWS + "ap-1/query/status")
                        .getFirst()
                        .body()
                        .get("input"))
                .isEqualTo(Json.array());
    }

    @Test
    void problemsBecomeTypedExceptions() {
        frontend.route("GET", WORKFLOWS + "missing", r -> Answer.problem(404, "not-found", "no workflow missing"))
                .route("POST", WORKFLOWS + "q/query/boom", r -> Answer.problem(400, "query-failed", "handler threw"));

        assertThatThrownBy(() -> client.newUntypedWorkflowStub("missing").describe())
                .isInstanceOf(WorkflowNotFoundException.class)
                .hasMessage("no workflow missing");
        assertThatThrownBy(() -> client.newUntypedWorkflowStub("q").query("boom", String.class))
                .isInstanceOf(WorkflowQueryException.class)
                .hasMessage("handler threw");
    }

    @Test
    void unreachableServerIsUnavailableOnceTheRetriesRunOut() {
        frontend.close();
        WorkflowClient impatient = WorkflowClient.newInstance(WorkflowClientOptions.builder()
                .setTarget(frontend.target())
                .setRpcRetryOptions(RpcRetryOptions.builder()
                        .setExpiration(Duration.ofMillis(300))
                        .build())
                .build());

        assertThatThrownBy(() -> impatient.newUntypedWorkflowStub("any").describe())
                .isInstanceOfSatisfying(WorkflowServiceException.class, e -> {
                    assertThat(e.getErrorType()).isEqualTo(ErrorType.UNAVAILABLE);
                    assertThat(e.isRetryable()).isTrue();
                });
    }

    private static final Answer UNAVAILABLE = Answer.problem(503, "unavailable", "history shard moving");

    @Test
    void startIsRetriedWithTheSameRequestId() {
        frontend.route(
                "POST",
                WORKFLOWS + "hello-3",
                FakeFrontend.inTurn(
                        UNAVAILABLE,
                        Answer.problem(504, "timeout", "history did not answer"),
                        Answer.json(201, new StartWorkflowResponse("hello-3", "run-3"))));
        Hello hello = client.newWorkflowStub(Hello.class, options("hello-3"));

        WorkflowExecution execution = WorkflowClient.start(hello::greet, "World");

        assertThat(execution).isEqualTo(new WorkflowExecution("hello-3", "run-3"));
        assertThat(frontend.requests(WORKFLOWS + "hello-3"))
                .hasSize(3)
                .extracting(r -> r.body().get("requestId").asString())
                .containsOnly(frontend.requests(WORKFLOWS + "hello-3")
                        .getFirst()
                        .body()
                        .get("requestId")
                        .asString());
    }

    @Test
    void alreadyStartedIsNotRetried() {
        frontend.route(
                "POST", WORKFLOWS + "dup-2", r -> Answer.problem(409, "already-started", "workflow dup-2 is running"));

        assertThatThrownBy(() ->
                        client.newUntypedWorkflowStub("Hello", options("dup-2")).start("x"))
                .isInstanceOf(WorkflowExecutionAlreadyStarted.class);
        assertThat(frontend.requests(WORKFLOWS + "dup-2")).hasSize(1);
    }

    @Test
    void signalIsRetriedWithTheSameRequestIdSoTheServerRecordsItOnce() {
        frontend.route("POST", WORKFLOWS + "ap-2/signal/approve", FakeFrontend.inTurn(UNAVAILABLE, Answer.empty(204)));

        client.newWorkflowStub(Approval.class, "ap-2").approve("bob");

        assertThat(frontend.requests(WORKFLOWS + "ap-2/signal/approve"))
                .hasSize(2)
                .extracting(r -> r.body().get("requestId").asString())
                .doesNotContainNull()
                .containsOnly(frontend.requests(WORKFLOWS + "ap-2/signal/approve")
                        .getFirst()
                        .body()
                        .get("requestId")
                        .asString());
    }

    @Test
    void terminateIsNotRetriedOnceTheServerAnswered() {
        frontend.route("POST", WORKFLOWS + "t-1/terminate", r -> UNAVAILABLE);

        assertThatThrownBy(() -> client.newUntypedWorkflowStub("t-1").terminate("enough"))
                .isInstanceOfSatisfying(
                        WorkflowServiceException.class,
                        e -> assertThat(e.getErrorType()).isEqualTo(ErrorType.UNAVAILABLE));
        assertThat(frontend.requests(WORKFLOWS + "t-1/terminate")).hasSize(1);
    }

    @Test
    void resultWaitGoesOnThroughUnavailableAnswers() {
        frontend.route(
                "GET",
                WORKFLOWS + "flaky/result",
                FakeFrontend.inTurn(
                        UNAVAILABLE,
                        Answer.problem(429, "rate-limited", "slow down"),
                        Answer.json(
                                200,
                                new WorkflowResult(
                                        "flaky", "run-1", WorkflowStatus.COMPLETED, Json.tree("done"), null))));

        assertThat(client.newUntypedWorkflowStub("flaky").getResult(String.class))
                .isEqualTo("done");
        assertThat(frontend.requests(WORKFLOWS + "flaky/result")).hasSize(3);
    }

    @Test
    void resultWaitThroughUnavailableAnswersEndsWithTheCallersTimeout() {
        frontend.route("GET", WORKFLOWS + "down/result", r -> UNAVAILABLE);
        long start = System.nanoTime();

        assertThatThrownBy(() -> client.newUntypedWorkflowStub("down").getResult(Duration.ofMillis(700), String.class))
                .isInstanceOfSatisfying(
                        WorkflowServiceException.class,
                        e -> assertThat(e.getErrorType()).isEqualTo(ErrorType.UNAVAILABLE));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(frontend.requests(WORKFLOWS + "down/result").size()).isGreaterThan(1);
    }
}
