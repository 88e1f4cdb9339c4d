package io.perdura.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.common.api.ApiPaths;
import io.perdura.common.api.TaskToken;
import io.perdura.common.api.UpdateStage;
import io.perdura.common.api.WorkflowTask;
import io.perdura.common.command.Command;
import io.perdura.common.json.Json;
import io.perdura.common.model.UpdateInput;
import io.perdura.common.model.UpdateMeta;
import io.perdura.common.model.UpdateRequest;
import io.perdura.common.service.HistoryRequest.RespondWorkflowTaskCompleted;
import io.perdura.common.service.HistoryRequest.UpdateWorkflowExecution;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code POST …/update/{updateName}} through REST, against the fake history. */
class WorkflowUpdateTests extends FrontendWebTestSupport {

    private static final String START = """
            {"workflowType":"Approval","taskQueue":"samples","input":["laptop"]}""";

    private String start(String workflowId) {
        Response response = post(ApiPaths.expand(ApiPaths.WORKFLOW, "default", workflowId), START);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("runId").asString();
    }

    private static String path(String workflowId, String updateName) {
        return ApiPaths.expand(ApiPaths.WORKFLOW_UPDATE, "default", workflowId, updateName);
    }

    @Test
    void aCompletedUpdateAnswers200WithItsResultAndForwardsTheRequest() {
        String workflowId = uniqueId("update");
        String runId = start(workflowId);

        Response response = post(
                path(workflowId, "rename") + "?runId=" + runId,
                "{\"input\":[\"Bob\"],\"updateId\":\"u-1\",\"identity\":\"ops\"}");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.json()).isEqualTo(Json.read("""
                {"updateId":"u-1","stage":"COMPLETED","result":"Bob"}""", JsonNode.class));
        UpdateWorkflowExecution forwarded =
                history.received(UpdateWorkflowExecution.class).getLast();
        assertThat(forwarded.workflowId()).isEqualTo(workflowId);
        assertThat(forwarded.runId()).isEqualTo(runId);
        assertThat(forwarded.updateName()).isEqualTo("rename");
        assertThat(forwarded.request().input()).isEqualTo(Json.array("Bob"));
        assertThat(forwarded.request().waitForStage()).as("the default").isEqualTo(UpdateStage.COMPLETED);
        assertThat(forwarded.request().identity()).isEqualTo("ops");
        assertThat(forwarded.waitTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void waitingForAcceptedAnswersTheStageWithAGeneratedUpdateId() {
        String workflowId = uniqueId("update");
        start(workflowId);

        Response response = post(path(workflowId, "rename"), "{\"waitForStage\":\"ACCEPTED\"}");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("stage").asString()).isEqualTo("ACCEPTED");
        assertThat(response.json().has("result")).isFalse();
        UpdateWorkflowExecution forwarded =
                history.received(UpdateWorkflowExecution.class).getLast();
        assertThat(forwarded.request().updateId()).isNotBlank();
        assertThat(response.json().path("updateId").asString())
                .isEqualTo(forwarded.request().updateId());
        assertThat(forwarded.request().input()).as("no input: no arguments").isEqualTo(Json.array());
        assertThat(post(path(workflowId, "rename"), null).status())
                .as("no body at all")
                .isEqualTo(200);
    }

    @Test
    void aRejectionAndAHandlerFailureAreOutcomesNotErrors() {
        String workflowId = uniqueId("update");
        start(workflowId);

        Response rejected = post(path(workflowId, "reject"), "{\"updateId\":\"u-2\"}");
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.json().path("stage").asString()).isEqualTo("REJECTED");
        assertThat(rejected.json().path("failure").path("message").asString()).isEqualTo("not acceptable");

        Response failed = post(path(workflowId, "fail"), "{\"updateId\":\"u-3\"}");
        assertThat(failed.status()).isEqualTo(200);
        assertThat(failed.json().path("stage").asString()).isEqualTo("COMPLETED");
        assertThat(failed.json().path("failure").path("message").asString()).isEqualTo("the handler threw");
    }

    @Test
    void aWaitThatRunsOutIs504NamingTheUpdateIdToCallAgainWith() {
        String workflowId = uniqueId("update");
        start(workflowId);

        JsonNode timedOut = assertProblem(post(path(workflowId, "slow"), "{\"updateId\":\"u-4\"}"), 504, "timeout");
        assertThat(timedOut.path("detail").asString())
                .isEqualTo("update u-4 did not reach COMPLETED within 30s (no worker answered yet?); call again"
                        + " with updateId u-4");

        JsonNode moved = assertProblem(post(path(workflowId, "moved"), "{\"updateId\":\"u-5\"}"), 503, "unavailable");
        assertThat(moved.path("detail").asString()).endsWith("call again with updateId u-5");
    }

    @Test
    void anUpdateOfAClosedOrUnknownRunIsNotFound() {
        String workflowId = uniqueId("update");
        start(workflowId);
        history.complete("default", workflowId, Json.tree("done"));

        JsonNode closed = assertProblem(post(path(workflowId, "rename"), "{}"), 404, "not-found");
        assertThat(closed.path("detail").asString()).isEqualTo("workflow execution already completed");
        assertProblem(post(path(uniqueId("nobody"), "rename"), "{}"), 404, "not-found");
    }

    @Test
    void badInputIsRefusedInTheApisWords() {
        String workflowId = uniqueId("update");
        start(workflowId);

        assertThat(assertProblem(post(path(workflowId, "rename"), "{\"input\":\"Bob\"}"), 400, "invalid-argument")
                        .path("detail")
                        .asString())
                .contains("input must be a JSON array");
        assertThat(assertProblem(
                                post(path(workflowId, "rename"), "{\"waitForStage\":\"REJECTED\"}"),
                                400,
                                "invalid-argument")
                        .path("detail")
                        .asString())
                .contains("waitForStage must be ACCEPTED or COMPLETED");
        assertThat(assertProblem(
                                post(path(workflowId, "rename"), "{\"waitForStage\":\"SOON\"}"),
                                400,
                                "invalid-argument")
                        .path("detail")
                        .asString())
                .contains("waitForStage")
                .doesNotContain("io.perdura");
        assertThat(assertProblem(post(path(workflowId, "rename"), "{\"updateId\":\" \"}"), 400, "invalid-argument")
                        .path("detail")
                        .asString())
                .contains("updateId");
        assertProblem(post(path(workflowId, " "), "{}"), 400, "invalid-argument");
        assertThat(history.received(UpdateWorkflowExecution.class))
                .noneMatch(r -> r.workflowId().equals(workflowId));
    }

    @Test
    void aWorkflowTaskCarriesItsUpdatesAndTheAnswersReachHistory() {
        String queue = uniqueId("orders");
        String token =
                new TaskToken(TaskToken.Kind.WORKFLOW, "default", "wf-1", "run-1", queue, 6, 7, 1, null).encode();
        var update = new UpdateRequest(new UpdateMeta("u-1", "ops"), new UpdateInput("rename", Json.array("Bob")));
        matching.offer(queue, new WorkflowTask(token, "wf-1", "run-1", "Hello", 1, List.of(), null, List.of(update)));

        JsonNode task = post(ApiPaths.expand(ApiPaths.WORKFLOW_TASK_POLL, "default", queue), null)
                .json();
        assertThat(task.path("updates")).isEqualTo(Json.read("""
                [{"meta":{"updateId":"u-1","identity":"ops"},"input":{"name":"rename","args":["Bob"]}}]""", JsonNode.class));

        Response answered = post(ApiPaths.expand(ApiPaths.WORKFLOW_TASK_COMPLETE, "default"), """
                {"taskToken":"%s","commands":[{"commandType":"AcceptWorkflowUpdate","updateId":"u-1"},
                 {"commandType":"CompleteWorkflowUpdate","updateId":"u-1","result":"Hi Bob"}]}""".formatted(token));
        assertThat(answered.status()).as(answered.body()).isEqualTo(204);
        assertThat(history.received(RespondWorkflowTaskCompleted.class)
                        .getLast()
                        .request()
                        .commands())
                .containsExactly(
                        new Command.AcceptWorkflowUpdate("u-1"),
                        new Command.CompleteWorkflowUpdate("u-1", Json.tree("Hi Bob"), null));
    }
}
