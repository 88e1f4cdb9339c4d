package io.perdura.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.common.api.ApiPaths;
import io.perdura.common.json.Json;
import io.perdura.common.model.WorkflowIdConflictPolicy;
import io.perdura.common.model.WorkflowIdReusePolicy;
import io.perdura.common.service.HistoryRequest.RequestCancelWorkflowExecution;
import io.perdura.common.service.HistoryRequest.SignalWithStartWorkflowExecution;
import io.perdura.common.service.HistoryRequest.StartWorkflowExecution;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Cancel, signal-with-start, the start options and results that follow a chain of runs, through REST. */
class WorkflowControlTests extends FrontendWebTestSupport {

    private static final String START = """
            {"workflowType":"Approval","taskQueue":"samples","input":["laptop"]}""";

    private String start(String workflowId) {
        Response response = post(ApiPaths.expand(ApiPaths.WORKFLOW, "default", workflowId), START);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("runId").asString();
    }

    @Test
    void cancelAnswers202AndForwardsReasonAndIdentity() {
        String workflowId = uniqueId("cancel");
        start(workflowId);

        Response response = post(
                ApiPaths.expand(ApiPaths.WORKFLOW_CANCEL, "default", workflowId),
                "{\"reason\":\"not needed\",\"requestId\":\"c-1\",\"identity\":\"ops\"}");

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        RequestCancelWorkflowExecution forwarded =
                history.received(RequestCancelWorkflowExecution.class).getLast();
        assertThat(forwarded.workflowId()).isEqualTo(workflowId);
        assertThat(forwarded.request().reason()).isEqualTo("not needed");
        assertThat(forwarded.request().identity()).isEqualTo("ops");
        assertThat(post(ApiPaths.expand(ApiPaths.WORKFLOW_CANCEL, "default", workflowId), "")
                        .status())
                .isEqualTo(202);
    }

    @Test
    void cancelOfAnUnknownWorkflowIsNotFound() {
        assertProblem(
                post(ApiPaths.expand(ApiPaths.WORKFLOW_CANCEL, "default", uniqueId("nobody")), "{}"), 404, "not-found");
    }

    @Test
    void signalWithStartAnswers201WhenItStartsAnd200WhenItSignals() {
        String workflowId = uniqueId("sws");
        String path = ApiPaths.expand(ApiPaths.WORKFLOW_SIGNAL_WITH_START, "default", workflowId, "approve");
        String body = """
                {"workflowType":"Approval","taskQueue":"samples","input":["laptop"],"signalInput":["alice"]}""";

        Response started = post(path, body);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        assertThat(started.json().path("started").asBoolean()).isTrue();
        SignalWithStartWorkflowExecution forwarded =
                history.received(SignalWithStartWorkflowExecution.class).getLast();
        assertThat(forwarded.signalName()).isEqualTo("approve");
        assertThat(forwarded.request().signalInput()).isEqualTo(Json.array("alice"));
        assertThat(forwarded.request().input()).isEqualTo(Json.array("laptop"));
        assertThat(forwarded.request().requestId()).as("generated when absent").isNotBlank();

        Response signalled = post(path, body);
        assertThat(signalled.status()).isEqualTo(200);
        assertThat(signalled.json().path("started").asBoolean()).isFalse();
        assertThat(signalled.json().path("runId").asString())
                .isEqualTo(started.json().path("runId").asString());
    }

    @Test
    void signalWithStartValidatesBothParts() {
        String path = ApiPaths.expand(ApiPaths.WORKFLOW_SIGNAL_WITH_START, "default", uniqueId("bad"), "approve");

        assertProblem(post(path, "{\"taskQueue\":\"samples\"}"), 400, "invalid-argument");
        JsonNode problem = assertProblem(
                post(path, "{\"workflowType\":\"Approval\",\"taskQueue\":\"samples\",\"signalInput\":\"alice\"}"),
                400,
                "invalid-argument");
        assertThat(problem.path("detail").asString()).contains("signalInput");
    }

    @Test
    void startForwardsPoliciesScheduleMemoAndDelay() {
        String workflowId = uniqueId("options");
        Response response = post(ApiPaths.expand(ApiPaths.WORKFLOW, "default", workflowId), """
                {"workflowType":"Approval","taskQueue":"samples","workflowIdReusePolicy":"REJECT_DUPLICATE",
                 "workflowIdConflictPolicy":"USE_EXISTING","cronSchedule":"@every 1h","memo":{"owner":"ada"},
                 "workflowStartDelay":"30s","retryPolicy":{"maximumAttempts":3}}""");

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        var request = history.received(StartWorkflowExecution.class).getLast().request();
        assertThat(request.workflowIdReusePolicy()).isEqualTo(WorkflowIdReusePolicy.REJECT_DUPLICATE);
        assertThat(request.workflowIdConflictPolicy()).isEqualTo(WorkflowIdConflictPolicy.USE_EXISTING);
        assertThat(request.cronSchedule()).isEqualTo("@every 1h");
        assertThat(request.memo().path("owner").asString()).isEqualTo("ada");
        assertThat(request.workflowStartDelay()).isEqualTo(Duration.ofSeconds(30));
        assertThat(request.retryPolicy().maximumAttempts()).isEqualTo(3);
    }

    @Test
    void startRefusesABadMemoDelayOrPolicyInTheApisWords() {
        String path = ApiPaths.expand(ApiPaths.WORKFLOW, "default", uniqueId("bad-options"));

        assertThat(assertProblem(
                                post(path, "{\"workflowType\":\"A\",\"taskQueue\":\"q\",\"memo\":[1]}"),
                                400,
                                "invalid-argument")
                        .path("detail")
                        .asString())
                .contains("memo must be a JSON object");
        assertThat(assertProblem(
                                post(
                                        path,
                                        "{\"workflowType\":\"A\",\"taskQueue\":\"q\",\"workflowStartDelay\":\"-1s\"}"),
                                400,
                                "invalid-argument")
                        .path("detail")
                        .asString())
                .contains("workflowStartDelay");
        JsonNode policy = assertProblem(
                post(path, "{\"workflowType\":\"A\",\"taskQueue\":\"q\",\"workflowIdReusePolicy\":\"SOMETIMES\"}"),
                400,
                "invalid-argument");
        assertThat(policy.path("detail").asString())
                .doesNotContain("io.perdura")
                .doesNotContain("Exception");
    }

    @Test
    void resultFollowsContinueAsNewUnlessAskedNotTo() {
        String workflowId = uniqueId("chain");
        String first = start(workflowId);
        history.continueAsNew("default", workflowId);
        history.complete("default", workflowId, Json.tree("liftoff"));

        Response followed =
                get(ApiPaths.expand(ApiPaths.WORKFLOW_RESULT, "default", workflowId) + "?runId=" + first + "&wait=5s");
        assertThat(followed.status()).isEqualTo(200);
        assertThat(followed.json().path("status").asString()).isEqualTo("COMPLETED");
        assertThat(followed.json().path("result").asString()).isEqualTo("liftoff");
        assertThat(followed.json().path("runId").asString()).isNotEqualTo(first);

        Response notFollowed = get(ApiPaths.expand(ApiPaths.WORKFLOW_RESULT, "default", workflowId) + "?runId=" + first
                + "&wait=5s&followRuns=false");
        assertThat(notFollowed.json().path("status").asString()).isEqualTo("CONTINUED_AS_NEW");
        assertThat(notFollowed.json().path("newExecutionRunId").asString())
                .isEqualTo(followed.json().path("runId").asString());
    }
}
