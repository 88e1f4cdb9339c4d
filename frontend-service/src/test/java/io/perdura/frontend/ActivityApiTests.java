package io.perdura.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.common.api.ApiPaths;
import io.perdura.common.api.TaskToken;
import io.perdura.common.json.Json;
import io.perdura.common.model.Failure;
import io.perdura.common.service.HistoryRequest.RecordActivityTaskHeartbeatById;
import io.perdura.common.service.HistoryRequest.RespondActivityTaskCanceled;
import io.perdura.common.service.HistoryRequest.RespondActivityTaskCanceledById;
import io.perdura.common.service.HistoryRequest.RespondActivityTaskCompletedById;
import io.perdura.common.service.HistoryRequest.RespondActivityTaskFailed;
import io.perdura.common.service.HistoryRequest.RespondActivityTaskFailedById;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The activity endpoints added for cancellation and asynchronous completion: answers and validation. */
class ActivityApiTests extends FrontendWebTestSupport {

    private static final String COMPLETE_BY_ID = ApiPaths.expand(ApiPaths.ACTIVITY_COMPLETE_BY_ID, "default");
    private static final String FAIL_BY_ID = ApiPaths.expand(ApiPaths.ACTIVITY_FAIL_BY_ID, "default");
    private static final String HEARTBEAT_BY_ID = ApiPaths.expand(ApiPaths.ACTIVITY_HEARTBEAT_BY_ID, "default");
    private static final String CANCEL_BY_ID = ApiPaths.expand(ApiPaths.ACTIVITY_CANCEL_BY_ID, "default");
    private static final String CANCEL_TASK = ApiPaths.expand(ApiPaths.ACTIVITY_TASK_CANCEL, "default");

    private static String token(TaskToken.Kind kind, String workflowId, long scheduledEventId) {
        return new TaskToken(kind, "default", workflowId, "run-1", "orders", scheduledEventId, 0, 2, null).encode();
    }

    private static Map<String, Object> byId(String workflowId, String activityId) {
        Map<String, Object> body = new HashMap<>();
        body.put("workflowId", workflowId);
        body.put("activityId", activityId);
        body.put("identity", "completer-1");
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        body.put(key, value);
        return body;
    }

    @Test
    void cancelActivityTaskForwardsTheDetails() {
        String workflowId = uniqueId("wf");
        Response response = post(
                CANCEL_TASK,
                Json.write(Map.of(
                        "taskToken",
                        token(TaskToken.Kind.ACTIVITY, workflowId, 5),
                        "details",
                        Map.of("stoppedAt", 3),
                        "identity",
                        "worker-1")));

        assertThat(response.status()).isEqualTo(204);
        RespondActivityTaskCanceled forwarded =
                history.received(RespondActivityTaskCanceled.class).getLast();
        assertThat(forwarded.token().workflowId()).isEqualTo(workflowId);
        assertThat(forwarded.token().attempt()).isEqualTo(2);
        assertThat(forwarded.request().details().path("stoppedAt").asInt()).isEqualTo(3);
        assertThat(forwarded.request().identity()).isEqualTo("worker-1");
    }

    @Test
    void cancelActivityTaskThatWasNotAskedIsAFailedPreconditionProblem() {
        Response response =
                post(CANCEL_TASK, Json.write(Map.of("taskToken", token(TaskToken.Kind.ACTIVITY, "wf", 409))));

        JsonNode problem = assertProblem(response, 409, "failed-precondition");
        assertThat(problem.path("detail").asString()).contains("did not ask to cancel");
    }

    @Test
    void cancelActivityTaskRefusesAWorkflowTokenAMissingTokenAndALongIdentity() {
        assertProblem(
                post(CANCEL_TASK, Json.write(Map.of("taskToken", token(TaskToken.Kind.WORKFLOW, "wf", 5)))),
                400,
                "invalid-argument");
        assertProblem(post(CANCEL_TASK, "{}"), 400, "invalid-argument");
        assertProblem(post(CANCEL_TASK, null), 400, "invalid-argument");
        JsonNode problem = assertProblem(
                post(
                        CANCEL_TASK,
                        Json.write(Map.of(
                                "taskToken", token(TaskToken.Kind.ACTIVITY, "wf", 5), "identity", "w".repeat(256)))),
                400,
                "invalid-argument");
        assertThat(problem.path("detail").asString()).contains("identity");
    }

    @Test
    void failActivityTaskForwardsTheLastHeartbeatDetails() {
        String workflowId = uniqueId("wf");
        Response response = post(
                ApiPaths.expand(ApiPaths.ACTIVITY_TASK_FAIL, "default"),
                Json.write(Map.of(
                        "taskToken",
                        token(TaskToken.Kind.ACTIVITY, workflowId, 5),
                        "failure",
                        Failure.application("Flaky", "try again", false),
                        "lastHeartbeatDetails",
                        42)));

        assertThat(response.status()).isEqualTo(204);
        RespondActivityTaskFailed forwarded =
                history.received(RespondActivityTaskFailed.class).getLast();
        assertThat(forwarded.token().workflowId()).isEqualTo(workflowId);
        assertThat(forwarded.request().lastHeartbeatDetails().asInt()).isEqualTo(42);
    }

    @Test
    void completeByIdForwardsTheActivityOfTheCurrentRun() {
        String workflowId = uniqueId("wf");
        Response response = post(COMPLETE_BY_ID, Json.write(with(byId(workflowId, "pay"), "result", "paid")));

        assertThat(response.status()).isEqualTo(204);
        RespondActivityTaskCompletedById forwarded = history.received(RespondActivityTaskCompletedById.class).stream()
                .filter(r -> r.request().workflowId().equals(workflowId))
                .findFirst()
                .orElseThrow();
        assertThat(forwarded.namespace()).isEqualTo("default");
        assertThat(forwarded.request().runId()).isNull();
        assertThat(forwarded.request().activityId()).isEqualTo("pay");
        assertThat(forwarded.request().result()).isEqualTo(Json.tree("paid"));
        assertThat(forwarded.request().identity()).isEqualTo("completer-1");
        assertThat(forwarded.routingKey()).contains(workflowId);
    }

    @Test
    void failByIdForwardsTheFailureOfTheNamedRun() {
        String workflowId = uniqueId("wf");
        Map<String, Object> body = with(
                with(byId(workflowId, "pay"), "runId", "run-7"),
                "failure",
                Failure.application("CardDeclined", "no funds", true));

        Response response = post(FAIL_BY_ID, Json.write(body));

        assertThat(response.status()).isEqualTo(204);
        RespondActivityTaskFailedById forwarded = history.received(RespondActivityTaskFailedById.class).stream()
                .filter(r -> r.request().workflowId().equals(workflowId))
                .findFirst()
                .orElseThrow();
        assertThat(forwarded.request().runId()).isEqualTo("run-7");
        assertThat(forwarded.request().failure().type()).isEqualTo("CardDeclined");
        assertThat(forwarded.request().failure().nonRetryable()).isTrue();
    }

    @Test
    void failByIdWithoutAFailureIsAnInvalidArgumentProblem() {
        JsonNode problem = assertProblem(post(FAIL_BY_ID, Json.write(byId("wf", "pay"))), 400, "invalid-argument");
        assertThat(problem.path("detail").asString()).isEqualTo("failure is required");
    }

    @Test
    void heartbeatByIdAnswersWhetherCancelWasRequested() {
        String workflowId = uniqueId("wf");
        Response notAsked = post(HEARTBEAT_BY_ID, Json.write(with(byId(workflowId, "pay"), "details", 7)));
        Response asked = post(HEARTBEAT_BY_ID, Json.write(byId(workflowId, "asked")));

        assertThat(notAsked.status()).isEqualTo(200);
        assertThat(notAsked.json().path("cancelRequested").asBoolean(true)).isFalse();
        assertThat(asked.json().path("cancelRequested").asBoolean(false)).isTrue();
        RecordActivityTaskHeartbeatById forwarded = history.received(RecordActivityTaskHeartbeatById.class).stream()
                .filter(r -> r.request().workflowId().equals(workflowId))
                .findFirst()
                .orElseThrow();
        assertThat(forwarded.request().details().asInt()).isEqualTo(7);
    }

    @Test
    void cancelByIdForwardsOrIsAFailedPreconditionWhenNotAsked() {
        String workflowId = uniqueId("wf");
        Response response = post(CANCEL_BY_ID, Json.write(with(byId(workflowId, "pay"), "details", "undone")));

        assertThat(response.status()).isEqualTo(204);
        RespondActivityTaskCanceledById forwarded = history.received(RespondActivityTaskCanceledById.class).stream()
                .filter(r -> r.request().workflowId().equals(workflowId))
                .findFirst()
                .orElseThrow();
        assertThat(forwarded.request().details()).isEqualTo(Json.tree("undone"));
        assertProblem(post(CANCEL_BY_ID, Json.write(byId(workflowId, "never-asked"))), 409, "failed-precondition");
    }

    @Test
    void anActivityWithNoAttemptRunningIsATaskNotFoundProblem() {
        for (String path : new String[] {COMPLETE_BY_ID, HEARTBEAT_BY_ID, CANCEL_BY_ID}) {
            assertProblem(post(path, Json.write(byId("wf", "gone"))), 404, "task-not-found");
        }
        assertProblem(
                post(FAIL_BY_ID, Json.write(with(byId("wf", "gone"), "failure", Failure.server("x")))),
                404,
                "task-not-found");
    }

    @Test
    void everyFieldOfTheByIdEndpointsIsValidated() {
        for (String path : new String[] {COMPLETE_BY_ID, FAIL_BY_ID, HEARTBEAT_BY_ID, CANCEL_BY_ID}) {
            assertThat(problemDetail(path, with(byId("wf", "pay"), "workflowId", null)))
                    .contains("workflowId");
            assertThat(problemDetail(path, with(byId("wf", "pay"), "activityId", " ")))
                    .contains("activityId");
            assertThat(problemDetail(path, with(byId("wf", "pay"), "activityId", "a".repeat(256))))
                    .contains("activityId", "255");
            assertThat(problemDetail(path, with(byId("wf", "pay"), "runId", "")))
                    .contains("runId");
            assertThat(problemDetail(path, with(byId("wf", "pay"), "identity", "i".repeat(256))))
                    .contains("identity");
            assertThat(problemDetail(path, with(byId("wf", "pay"), "workflowId", Map.of("nested", true))))
                    .isEqualTo("malformed JSON body at workflowId: expected a string");
            assertProblem(post(path, null), 400, "invalid-argument");
            assertProblem(post(path, "{\"workflowId\":"), 400, "invalid-argument");
        }
        Response otherNamespace =
                post(ApiPaths.expand(ApiPaths.ACTIVITY_COMPLETE_BY_ID, "n".repeat(256)), Json.write(byId("wf", "pay")));
        assertProblem(otherNamespace, 400, "invalid-argument");
    }

    @Test
    void aValueOfTheWrongKindIsNamedInJsonTermsWithoutJavaTypes() {
        Map<String, Object> body = with(byId("wf", "pay"), "failure", Map.of("message", "m", "nonRetryable", "maybe"));

        String detail = problemDetail(FAIL_BY_ID, body);

        assertThat(detail)
                .startsWith("malformed JSON body at failure.nonRetryable")
                .doesNotContain("java.", "`");
        assertThat(problemDetail(FAIL_BY_ID, with(byId("wf", "pay"), "failure", java.util.List.of(1))))
                .isEqualTo("malformed JSON body at failure: expected an object");
    }

    private String problemDetail(String path, Map<String, Object> body) {
        return assertProblem(post(path, Json.write(body)), 400, "invalid-argument")
                .path("detail")
                .asString();
    }
}
