package io.perdura.sdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perdura.common.api.StartWorkflowResponse;
import io.perdura.common.api.WorkflowResult;
import io.perdura.common.json.Json;
import io.perdura.common.model.Failure;
import io.perdura.common.model.Failure.FailureKind;
import io.perdura.common.model.WorkflowIdConflictPolicy;
import io.perdura.common.model.WorkflowIdReusePolicy;
import io.perdura.common.model.WorkflowStatus;
import io.perdura.sdk.common.RetryOptions;
import io.perdura.sdk.failure.CanceledFailure;
import io.perdura.sdk.failure.WorkflowFailedException;
import io.perdura.sdk.fake.FakeFrontend;
import io.perdura.sdk.fake.FakeFrontend.Answer;
import io.perdura.sdk.workflow.SignalMethod;
import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Cancel, signal-with-start and the start options, as the client sends them. */
class WorkflowClientControlTests {

    private static final String WORKFLOWS = "/api/v1/namespaces/default/workflows/";

    @WorkflowInterface
    public interface Approval {
        @WorkflowMethod(name = "Approval")
        String request(String what);

        @SignalMethod
        void approve(String approver);
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

    @Test
    void startSendsTheWorkflowsRetryPolicyAndTheIdPolicies() {
        frontend.route("POST", WORKFLOWS + "a-1", r -> Answer.json(201, new StartWorkflowResponse("a-1", "run-1")));
        WorkflowOptions options = WorkflowOptions.newBuilder()
                .setWorkflowId("a-1")
                .setTaskQueue("samples")
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(3).build())
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.REJECT_DUPLICATE)
                .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.USE_EXISTING)
                .setCronSchedule("@every 1h")
                .setMemo(Map.of("owner", "ada"))
                .setStartDelay(Duration.ofSeconds(30))
                .build();

        WorkflowClient.start(client.newWorkflowStub(Approval.class, options)::request, "laptop");

        JsonNode body = frontend.requests(WORKFLOWS + "a-1").getFirst().body();
        assertThat(body.path("retryPolicy").path("maximumAttempts").asInt()).isEqualTo(3);
        assertThat(body.path("workflowIdReusePolicy").asString()).isEqualTo("REJECT_DUPLICATE");
        assertThat(body.path("workflowIdConflictPolicy").asString()).isEqualTo("USE_EXISTING");
        assertThat(body.path("cronSchedule").asString()).isEqualTo("@every 1h");
        assertThat(body.path("memo").path("owner").asString()).isEqualTo("ada");
        assertThat(body.path("workflowStartDelay").asString()).isEqualTo("30s");
        assertThat(body.path("identity").asString()).isEqualTo("test-client");
    }

    @Test
    void cancelPostsTheReasonToTheLatestRunOfAStartedStub() {
        frontend.route("POST", WORKFLOWS + "a-2", r -> Answer.json(201, new StartWorkflowResponse("a-2", "run-1")));
        frontend.route("POST", WORKFLOWS + "a-2/cancel", r -> Answer.empty(202));
        Approval approval = client.newWorkflowStub(
                Approval.class,
                WorkflowOptions.newBuilder()
                        .setWorkflowId("a-2")
                        .setTaskQueue("q")
                        .build());
        WorkflowClient.start(approval::request, "laptop");

        WorkflowStub.fromTyped(approval).cancel("not needed");

        FakeFrontend.Request cancel =
                frontend.requests(WORKFLOWS + "a-2/cancel").getFirst();
        assertThat(cancel.body().path("reason").asString()).isEqualTo("not needed");
        assertThat(cancel.body().path("identity").asString()).isEqualTo("test-client");
        assertThat(cancel.query())
                .as("no runId: the latest run, as a continue-as-new may have moved on")
                .isNull();
    }

    @Test
    void cancelOfAStubBoundToARunNamesTheRun() {
        frontend.route("POST", WORKFLOWS + "a-3/cancel", r -> Answer.empty(202));

        client.newUntypedWorkflowStub("a-3", "run-7").cancel();

        assertThat(frontend.requests(WORKFLOWS + "a-3/cancel").getFirst().query())
                .isEqualTo("runId=run-7");
    }

    @Test
    void aCanceledRunFailsGetResultWithCanceledFailure() {
        Failure canceled = new Failure(
                "workflow execution canceled", FailureKind.CANCELED, null, true, null, null, null, null, null);
        frontend.route(
                "GET",
                WORKFLOWS + "a-4/result",
                r -> Answer.json(200, new WorkflowResult("a-4", "run-1", WorkflowStatus.CANCELED, null, canceled)));

        assertThatThrownBy(() -> client.newUntypedWorkflowStub("a-4").getResult(String.class))
                .isInstanceOfSatisfying(WorkflowFailedException.class, e -> {
                    assertThat(e.getStatus()).isEqualTo(WorkflowStatus.CANCELED);
                    assertThat(e.getCause()).isInstanceOf(CanceledFailure.class);
                });
    }

    @Test
    void signalWithStartFromABatchOfMethodReferences() {
        frontend.route(
                "POST",
                WORKFLOWS + "a-5/signal-with-start/approve",
                r -> Answer.json(201, new StartWorkflowResponse("a-5", "run-5", true)));
        Approval approval = client.newWorkflowStub(
                Approval.class,
                WorkflowOptions.newBuilder()
                        .setWorkflowId("a-5")
                        .setTaskQueue("q")
                        .build());

        BatchRequest request = client.newSignalWithStartRequest();
        request.add(approval::request, "laptop");
        request.add(approval::approve, "alice");
        WorkflowExecution run = client.signalWithStart(request);

        assertThat(run).isEqualTo(new WorkflowExecution("a-5", "run-5"));
        JsonNode body = frontend.requests(WORKFLOWS + "a-5/signal-with-start/approve")
                .getFirst()
                .body();
        assertThat(body.path("workflowType").asString()).isEqualTo("Approval");
        assertThat(body.path("taskQueue").asString()).isEqualTo("q");
        assertThat(body.path("input")).isEqualTo(Json.array("laptop"));
        assertThat(body.path("signalInput")).isEqualTo(Json.array("alice"));
    }

    @Test
    void aBatchNeedsAStartAndASignalOfOneStub() {
        Approval approval = client.newWorkflowStub(
                Approval.class,
                WorkflowOptions.newBuilder()
                        .setWorkflowId("a-6")
                        .setTaskQueue("q")
                        .build());
        BatchRequest onlySignal = client.newSignalWithStartRequest();
        onlySignal.add(approval::approve, "alice");

        assertThatThrownBy(() -> client.signalWithStart(onlySignal))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("@WorkflowMethod");
        assertThat(frontend.requests()).isEmpty();
    }
}
