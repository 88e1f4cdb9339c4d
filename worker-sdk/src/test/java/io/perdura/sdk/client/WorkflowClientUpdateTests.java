package io.perdura.sdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perdura.common.api.UpdateWorkflowResponse;
import io.perdura.common.error.ErrorType;
import io.perdura.common.json.Json;
import io.perdura.common.model.Failure;
import io.perdura.sdk.failure.ApplicationFailure;
import io.perdura.sdk.fake.FakeFrontend;
import io.perdura.sdk.fake.FakeFrontend.Answer;
import io.perdura.sdk.workflow.UpdateMethod;
import io.perdura.sdk.workflow.UpdateValidatorMethod;
import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Updates as the client sends them: untyped, typed, handles, failures and retries with one update id. */
class WorkflowClientUpdateTests {

    private static final String WORKFLOWS = "/api/v1/namespaces/default/workflows/";

    @WorkflowInterface
    public interface Profile {
        @WorkflowMethod(name = "Profile")
        void run();

        @UpdateMethod(name = "rename")
        String changeName(String name);

        @UpdateValidatorMethod(updateName = "rename")
        void validateName(String name);

        @UpdateMethod
        List<String> tags(String tag);

        @UpdateMethod
        void clear();
    }

    private FakeFrontend frontend;
    private WorkflowClient client;

    @BeforeEach
    void start() throws Exception {
        frontend = new FakeFrontend();
        client = WorkflowClient.newInstance(WorkflowClientOptions.builder()
                .setTarget(frontend.target())
                .setIdentity("test-client")
                .setRpcRetryOptions(RpcRetryOptions.newBuilder()
                        .setInitialInterval(Duration.ofMillis(10))
                        .setMaximumInterval(Duration.ofMillis(50))
                        .build())
                .build());
    }

    @AfterEach
    void stop() {
        frontend.close();
    }

    private static Answer completed(String updateId, Object result) {
        return Answer.json(200, UpdateWorkflowResponse.completed(updateId, Json.tree(result), null));
    }

    /** Answers the update id the request carries. */
    private static Answer completedWithItsId(FakeFrontend.Request request, Object result) {
        return completed(request.body().path("updateId").asString(), result);
    }

    @Test
    void anUntypedUpdatePostsItsArgumentsAndReturnsTheHandlersResult() {
        frontend.route("POST", WORKFLOWS + "p-1/update/rename", r -> completedWithItsId(r, "Hi Bob"));

        String result = client.newUntypedWorkflowStub("p-1", "run-1").update("rename", String.class, "Bob");

        assertThat(result).isEqualTo("Hi Bob");
        FakeFrontend.Request request =
                frontend.requests(WORKFLOWS + "p-1/update/rename").getFirst();
        assertThat(request.query()).isEqualTo("runId=run-1");
        assertThat(request.body().path("input")).isEqualTo(Json.array("Bob"));
        assertThat(request.body().path("waitForStage").asString()).isEqualTo("COMPLETED");
        assertThat(request.body().path("updateId").asString()).isNotBlank();
        assertThat(request.body().path("identity").asString()).isEqualTo("test-client");
    }

    @Test
    void aTypedStubsUpdateMethodSendsTheUpdateByItsNameAndConvertsTheResult() {
        frontend.route("POST", WORKFLOWS + "p-2/update/rename", r -> completedWithItsId(r, "Hi Bob"))
                .route("POST", WORKFLOWS + "p-2/update/tags", r -> completedWithItsId(r, List.of("a", "b")))
                .route("POST", WORKFLOWS + "p-2/update/clear", r -> completedWithItsId(r, null));
        Profile profile = client.newWorkflowStub(Profile.class, "p-2");

        assertThat(profile.changeName("Bob")).isEqualTo("Hi Bob");
        assertThat(profile.tags("b")).containsExactly("a", "b");
        profile.clear();

        assertThat(frontend.requests(WORKFLOWS + "p-2/update/rename").getFirst().query())
                .as("a stub made from an id addresses the latest run")
                .isNull();
        assertThat(frontend.requests(WORKFLOWS + "p-2/update/clear")).hasSize(1);
        assertThatThrownBy(() -> profile.validateName("Bob"))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("validator");
    }

    @Test
    void aRejectionOrAHandlerFailureIsAWorkflowUpdateExceptionWithTheFailureAsCause() {
        Failure invalid = Failure.application("Invalid", "a name must not be empty", true);
        Failure taken = Failure.application("NameTaken", "Bob is taken", false);
        frontend.route(
                        "POST",
                        WORKFLOWS + "p-3/update/rename",
                        r -> Answer.json(
                                200,
                                UpdateWorkflowResponse.rejected(
                                        r.body().path("updateId").asString(), invalid)))
                .route(
                        "POST",
                        WORKFLOWS + "p-4/update/rename",
                        r -> Answer.json(
                                200,
                                UpdateWorkflowResponse.completed(
                                        r.body().path("updateId").asString(), null, taken)));

        assertThatThrownBy(() -> client.newWorkflowStub(Profile.class, "p-3").changeName(""))
                .isInstanceOfSatisfying(WorkflowUpdateException.class, e -> {
                    assertThat(e.getUpdateName()).isEqualTo("rename");
                    assertThat(e.getExecution().workflowId()).isEqualTo("p-3");
                    assertThat(e.getCause())
                            .isInstanceOf(ApplicationFailure.class)
                            .hasMessageContaining("a name must not be empty");
                });
        assertThatThrownBy(() -> client.newUntypedWorkflowStub("p-4").update("rename", String.class, "Bob"))
                .isInstanceOfSatisfying(
                        WorkflowUpdateException.class,
                        e -> assertThat(((ApplicationFailure) e.getCause()).getType())
                                .isEqualTo("NameTaken"));
        assertThat(frontend.requests()).as("outcomes are not retried").hasSize(2);
    }

    @Test
    void timeoutsAndUnavailabilityAreRetriedWithTheSameUpdateId() {
        frontend.route(
                "POST",
                WORKFLOWS + "p-5/update/rename",
                FakeFrontend.inTurn(
                        Answer.problem(504, "timeout", "update did not reach COMPLETED within 30s"),
                        Answer.problem(503, "unavailable", "shard 3 moved to another owner"),
                        Answer.problem(429, "rate-limited", "10 updates in flight"),
                        completed("u-5", "Hi Bob")));

        var options = UpdateOptions.newBuilder(String.class)
                .setUpdateName("rename")
                .setUpdateId("u-5")
                .build();
        var handle = client.newUntypedWorkflowStub("p-5").startUpdate(options, "Bob");

        assertThat(handle.getId()).isEqualTo("u-5");
        assertThat(handle.getResult()).isEqualTo("Hi Bob");
        assertThat(frontend.requests(WORKFLOWS + "p-5/update/rename"))
                .hasSize(4)
                .allSatisfy(r -> {
                    assertThat(r.body().path("updateId").asString()).isEqualTo("u-5");
                    assertThat(r.body().path("input")).isEqualTo(Json.array("Bob"));
                });
    }

    @Test
    void startUpdateReturnsOnceAcceptedAndTheHandleAsksForTheOutcomeWithTheSameId() throws Exception {
        frontend.route(
                "POST",
                WORKFLOWS + "p-6/update/rename",
                r -> r.body().path("waitForStage").asString().equals("ACCEPTED")
                        ? Answer.json(
                                200,
                                UpdateWorkflowResponse.accepted(
                                        r.body().path("updateId").asString()))
                        : completedWithItsId(r, "Hi Bob"));

        WorkflowUpdateHandle<String> handle = client.newUntypedWorkflowStub("p-6")
                .startUpdate("rename", WorkflowUpdateStage.ACCEPTED, String.class, "Bob");

        assertThat(frontend.requests(WORKFLOWS + "p-6/update/rename")).hasSize(1);
        assertThat(handle.getResultAsync().get(5, TimeUnit.SECONDS)).isEqualTo("Hi Bob");
        assertThat(handle.getResult()).isEqualTo("Hi Bob");
        var requests = frontend.requests(WORKFLOWS + "p-6/update/rename");
        assertThat(requests).as("the outcome is asked once, then kept").hasSize(2);
        assertThat(requests.getLast().body().path("waitForStage").asString()).isEqualTo("COMPLETED");
        assertThat(requests.getLast().body().path("updateId").asString()).isEqualTo(handle.getId());
    }

    @Test
    void aStartUpdateThatIsRejectedThrowsAtOnce() {
        frontend.route(
                "POST",
                WORKFLOWS + "p-7/update/rename",
                r -> Answer.json(
                        200,
                        UpdateWorkflowResponse.rejected(
                                r.body().path("updateId").asString(), Failure.application("Invalid", "no", true))));

        assertThatThrownBy(() -> client.newUntypedWorkflowStub("p-7")
                        .startUpdate("rename", WorkflowUpdateStage.ACCEPTED, String.class, "Bob"))
                .isInstanceOf(WorkflowUpdateException.class);
    }

    @Test
    void aBoundedWaitForTheOutcomeGivesUpWithTimeoutAndAClosedRunIsNotRetried() {
        frontend.route(
                        "POST",
                        WORKFLOWS + "p-8/update/rename",
                        r -> r.body().path("waitForStage").asString().equals("ACCEPTED")
                                ? Answer.json(200, UpdateWorkflowResponse.accepted("u-8"))
                                : Answer.problem(504, "timeout", "update u-8 did not reach COMPLETED"))
                .route(
                        "POST",
                        WORKFLOWS + "p-9/update/rename",
                        r -> Answer.problem(404, "not-found", "workflow execution already completed"));
        var handle = client.newUntypedWorkflowStub("p-8")
                .startUpdate("rename", WorkflowUpdateStage.ACCEPTED, String.class, "Bob");

        assertThatThrownBy(() -> handle.getResult(300, TimeUnit.MILLISECONDS))
                .isInstanceOfSatisfying(
                        WorkflowServiceException.class,
                        e -> assertThat(e.getErrorType()).isEqualTo(ErrorType.TIMEOUT));
        assertThatThrownBy(() -> client.newUntypedWorkflowStub("p-9").update("rename", String.class, "Bob"))
                .isInstanceOf(WorkflowNotFoundException.class)
                .hasMessage("workflow execution already completed");
        assertThat(frontend.requests(WORKFLOWS + "p-9/update/rename")).hasSize(1);
    }
}
