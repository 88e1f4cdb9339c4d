package io.perdura.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.common.api.ActivityTask;
import io.perdura.common.api.ApiPaths;
import io.perdura.common.api.TaskToken;
import io.perdura.common.api.WorkflowQuery;
import io.perdura.common.api.WorkflowTask;
import io.perdura.common.command.Command;
import io.perdura.common.history.EventAttributes.WorkflowTaskFailedCause;
import io.perdura.common.json.Json;
import io.perdura.common.model.Failure;
import io.perdura.common.service.HistoryRequest.RecordActivityTaskHeartbeat;
import io.perdura.common.service.HistoryRequest.RespondActivityTaskCompleted;
import io.perdura.common.service.HistoryRequest.RespondActivityTaskFailed;
import io.perdura.common.service.HistoryRequest.RespondWorkflowTaskCompleted;
import io.perdura.common.service.HistoryRequest.RespondWorkflowTaskFailed;
import io.perdura.common.service.MatchingRequest.CancelPolls;
import io.perdura.common.service.MatchingRequest.PollActivityTaskQueue;
import io.perdura.common.service.MatchingRequest.PollWorkflowTaskQueue;
import io.perdura.common.service.MatchingRequest.RespondQueryTaskCompleted;
import io.perdura.common.service.MatchingRequest.TaskQueueKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WorkerApiTests extends FrontendWebTestSupport {

    private static String token(TaskToken.Kind kind, String workflowId, long scheduledEventId, String queryId) {
        return new TaskToken(kind, "default", workflowId, "run-1", "orders", scheduledEventId, 3, 1, queryId).encode();
    }

    private static String body(Object value) {
        return Json.write(value);
    }

    @Test
    void emptyWorkflowTaskPollAnswers204AfterTheLongPollTimeout() {
        String queue = uniqueId("idle");

        Response response =
                post(ApiPaths.expand(ApiPaths.WORKFLOW_TASK_POLL, "default", queue), "{\"identity\":\"w1\"}");

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        PollWorkflowTaskQueue forwarded = matching.received(PollWorkflowTaskQueue.class).stream()
                .filter(p -> p.taskQueue().equals(queue))
                .findFirst()
                .orElseThrow();
        assertThat(forwarded.identity()).isEqualTo("w1");
        assertThat(forwarded.timeout()).isEqualTo(Duration.ofMillis(300));
        assertThat(forwarded.pollRequestId()).isNotBlank();
    }

    @Test
    void workflowTaskPollAnswersTheTask() {
        String queue = uniqueId("orders");
        String taskToken = token(TaskToken.Kind.WORKFLOW, "wf-1", 2, null);
        matching.offer(queue, new WorkflowTask(taskToken, "wf-1", "run-1", "Hello", 1, List.of(), null));

        Response response = post(ApiPaths.expand(ApiPaths.WORKFLOW_TASK_POLL, "default", queue), null);

        assertThat(response.status()).isEqualTo(200);
        JsonNode task = response.json();
        assertThat(task.path("taskToken").asString()).isEqualTo(taskToken);
        assertThat(task.path("workflowType").asString()).isEqualTo("Hello");
        assertThat(task.path("attempt").asInt()).isEqualTo(1);
        assertThat(task.path("history").isArray()).isTrue();
        assertThat(task.has("query")).isFalse();
    }

    @Test
    void pollsOfTwoQueuesGetDifferentPollRequestIds() {
        post(ApiPaths.expand(ApiPaths.WORKFLOW_TASK_POLL, "default", uniqueId("a")), null);
        post(ApiPaths.expand(ApiPaths.WORKFLOW_TASK_POLL, "default", uniqueId("b")), null);

        List<String> ids = matching.received(PollWorkflowTaskQueue.class).stream()
                .map(PollWorkflowTaskQueue::pollRequestId)
                .toList();
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void completeWorkflowTaskForwardsTheCommandsWithTheDecodedToken() {
        String workflowId = uniqueId("wf");
        String taskToken = token(TaskToken.Kind.WORKFLOW, workflowId, 2, null);
        String request = """
                {"taskToken":"%s","identity":"w1","commands":[
                  {"commandType":"StartTimer","timerId":"t1","startToFireTimeout":"5s"},
                  {"commandType":"CompleteWorkflowExecution","result":"done"}]}""".formatted(taskToken);

        Response response = post(ApiPaths.expand(ApiPaths.WORKFLOW_TASK_COMPLETE, "default"), request);

        assertThat(response.status()).isEqualTo(204);
        RespondWorkflowTaskCompleted forwarded =
                history.received(RespondWorkflowTaskCompleted.class).getLast();
        assertThat(forwarded.token().workflowId()).isEqualTo(workflowId);
        assertThat(forwarded.token().scheduledEventId()).isEqualTo(2);
        assertThat(forwarded.request().commands())
                .containsExactly(
                        new Command.StartTimer("t1", Duration.ofSeconds(5)),
                        new Command.CompleteWorkflowExecution(Json.tree("done")));
    }

    @Test
    void failWorkflowTaskForwardsTheFailure() {
        String workflowId = uniqueId("wf");
        Response response = post(
                ApiPaths.expand(ApiPaths.WORKFLOW_TASK_FAIL, "default"),
                body(Map.of(
                        "taskToken",
                        token(TaskToken.Kind.WORKFLOW, workflowId, 2, null),
                        "cause",
                        WorkflowTaskFailedCause.values()[0],
                        "failure",
                        Failure.application("NonDeterminism", "different command", false))));

        assertThat(response.status()).isEqualTo(204);
        RespondWorkflowTaskFailed forwarded =
                history.received(RespondWorkflowTaskFailed.class).getLast();
        assertThat(forwarded.token().workflowId()).isEqualTo(workflowId);
        assertThat(forwarded.request().failure().message()).isEqualTo("different command");
    }

    @Test
    void activityTokenOnTheWorkflowEndpointIsAnInvalidArgumentProblem() {
        Response response = post(
                ApiPaths.expand(ApiPaths.WORKFLOW_TASK_COMPLETE, "default"),
                body(Map.of("taskToken", token(TaskToken.Kind.ACTIVITY, "wf", 5, null), "commands", List.of())));

        JsonNode problem = assertProblem(response, 400, "invalid-argument");
        assertThat(problem.path("detail").asString()).contains("ACTIVITY", "WORKFLOW");
    }

    @Test
    void tokenOfAnotherNamespaceIsAnInvalidArgumentProblem() {
        Response response = post(
                ApiPaths.expand(ApiPaths.ACTIVITY_TASK_COMPLETE, "other"),
                body(Map.of("taskToken", token(TaskToken.Kind.ACTIVITY, "wf", 5, null))));

        assertProblem(response, 400, "invalid-argument");
    }

    @Test
    void malformedTokenIsAnInvalidArgumentProblem() {
        Response response =
                post(ApiPaths.expand(ApiPaths.ACTIVITY_TASK_COMPLETE, "default"), "{\"taskToken\":\"%%%\"}");

        JsonNode problem = assertProblem(response, 400, "invalid-argument");
        assertThat(problem.path("detail").asString()).isEqualTo("malformed taskToken");
    }

    @Test
    void emptyActivityTaskPollAnswers204() {
        String queue = uniqueId("idle-activities");

        Response response = post(ApiPaths.expand(ApiPaths.ACTIVITY_TASK_POLL, "default", queue), "{}");

        assertThat(response.status()).isEqualTo(204);
        assertThat(matching.received(PollActivityTaskQueue.class).stream().map(PollActivityTaskQueue::taskQueue))
                .contains(queue);
    }

    @Test
    void activityTaskPollAnswersTheTaskWithDurationsAsText() {
        String queue = uniqueId("payments");
        String taskToken = token(TaskToken.Kind.ACTIVITY, "wf-1", 5, null);
        matching.offer(
                queue,
                new ActivityTask(
                        taskToken,
                        "default",
                        "wf-1",
                        "run-1",
                        "Hello",
                        "5",
                        "greet",
                        queue,
                        Json.array("World"),
                        2,
                        Instant.parse("2026-01-02T03:04:00Z"),
                        Instant.parse("2026-01-02T03:04:05Z"),
                        Instant.parse("2026-01-02T03:04:06.500Z"),
                        null,
                        Duration.ofSeconds(10),
                        null,
                        null));

        Response response = post(ApiPaths.expand(ApiPaths.ACTIVITY_TASK_POLL, "default", queue), null);

        assertThat(response.status()).isEqualTo(200);
        JsonNode task = response.json();
        assertThat(task.path("activityType").asString()).isEqualTo("greet");
        assertThat(task.path("input")).isEqualTo(Json.array("World"));
        assertThat(task.path("attempt").asInt()).isEqualTo(2);
        assertThat(task.path("startToCloseTimeout").asString()).isEqualTo("10s");
        assertThat(task.path("startedTime").asString()).isEqualTo("2026-01-02T03:04:06.500Z");
        assertThat(task.has("heartbeatTimeout")).isFalse();
    }

    @Test
    void cancelPollsAnswersTheWorkersPollsOnBothQueues() {
        String queue = uniqueId("queue");
        Response response =
                post(ApiPaths.expand(ApiPaths.POLLS_CANCEL, "default", queue), body(Map.of("identity", "worker-7")));

        assertThat(response.status()).isEqualTo(204);
        assertThat(matching.received(CancelPolls.class).stream()
                        .filter(cancel -> cancel.taskQueue().equals(queue)))
                .extracting(CancelPolls::kind, CancelPolls::identity)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(TaskQueueKind.WORKFLOW, "worker-7"),
                        org.assertj.core.groups.Tuple.tuple(TaskQueueKind.ACTIVITY, "worker-7"));
    }

    @Test
    void cancelPollsWithoutIdentityIsAnInvalidArgument() {
        Response response = post(ApiPaths.expand(ApiPaths.POLLS_CANCEL, "default", "q"), body(Map.of()));

        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void completeActivityTaskForwardsTheResult() {
        String workflowId = uniqueId("wf");
        Response response = post(
                ApiPaths.expand(ApiPaths.ACTIVITY_TASK_COMPLETE, "default"),
                body(Map.of("taskToken", token(TaskToken.Kind.ACTIVITY, workflowId, 5, null), "result", "Hello!")));

        assertThat(response.status()).isEqualTo(204);
        RespondActivityTaskCompleted forwarded =
                history.received(RespondActivityTaskCompleted.class).getLast();
        assertThat(forwarded.token().workflowId()).isEqualTo(workflowId);
        assertThat(forwarded.request().result()).isEqualTo(Json.tree("Hello!"));
    }

    @Test
    void answerToATaskNoLongerCurrentIsATaskNotFoundProblem() {
        Response response = post(
                ApiPaths.expand(ApiPaths.ACTIVITY_TASK_COMPLETE, "default"),
                body(Map.of("taskToken", token(TaskToken.Kind.ACTIVITY, "wf", 404, null))));

        assertProblem(response, 404, "task-not-found");
    }

    @Test
    void failActivityTaskForwardsTheFailure() {
        String workflowId = uniqueId("wf");
        Response response = post(
                ApiPaths.expand(ApiPaths.ACTIVITY_TASK_FAIL, "default"),
                body(Map.of(
                        "taskToken",
                        token(TaskToken.Kind.ACTIVITY, workflowId, 5, null),
                        "failure",
                        Failure.application("java.io.IOException", "card declined", false))));

        assertThat(response.status()).isEqualTo(204);
        RespondActivityTaskFailed forwarded =
                history.received(RespondActivityTaskFailed.class).getLast();
        assertThat(forwarded.token().workflowId()).isEqualTo(workflowId);
        assertThat(forwarded.request().failure().type()).isEqualTo("java.io.IOException");
    }

    @Test
    void failActivityTaskWithoutAFailureIsAnInvalidArgumentProblem() {
        Response response = post(
                ApiPaths.expand(ApiPaths.ACTIVITY_TASK_FAIL, "default"),
                body(Map.of("taskToken", token(TaskToken.Kind.ACTIVITY, "wf", 5, null))));

        assertProblem(response, 400, "invalid-argument");
    }

    @Test
    void heartbeatAnswersWhetherCancelWasRequested() {
        String workflowId = uniqueId("wf");
        Response response = post(
                ApiPaths.expand(ApiPaths.ACTIVITY_TASK_HEARTBEAT, "default"),
                body(Map.of("taskToken", token(TaskToken.Kind.ACTIVITY, workflowId, 5, null), "details", 70)));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("cancelRequested").asBoolean(true)).isFalse();
        RecordActivityTaskHeartbeat forwarded =
                history.received(RecordActivityTaskHeartbeat.class).getLast();
        assertThat(forwarded.token().workflowId()).isEqualTo(workflowId);
        assertThat(forwarded.request().details().asInt()).isEqualTo(70);
    }

    @Test
    void queryTaskAnswerGoesToMatchingWithTheTokensQueueAndQueryId() {
        String taskToken = token(TaskToken.Kind.QUERY, "wf-1", 0, "q-7");

        Response response = post(
                ApiPaths.expand(ApiPaths.QUERY_TASK_COMPLETE, "default"),
                body(Map.of("taskToken", taskToken, "result", "WAITING")));

        assertThat(response.status()).isEqualTo(204);
        RespondQueryTaskCompleted forwarded =
                matching.received(RespondQueryTaskCompleted.class).getLast();
        assertThat(forwarded.namespace()).isEqualTo("default");
        assertThat(forwarded.taskQueue()).isEqualTo("orders");
        assertThat(forwarded.queryId()).isEqualTo("q-7");
        assertThat(forwarded.request().result()).isEqualTo(Json.tree("WAITING"));
    }

    @Test
    void queryTaskOfAWorkflowPollCarriesTheQuery() {
        String queue = uniqueId("queries");
        matching.offer(
                queue,
                new WorkflowTask(
                        token(TaskToken.Kind.QUERY, "wf-1", 0, "q-1"),
                        "wf-1",
                        "run-1",
                        "Approval",
                        1,
                        List.of(),
                        new WorkflowQuery("status", Json.array())));

        Response response = post(ApiPaths.expand(ApiPaths.WORKFLOW_TASK_POLL, "default", queue), null);

        assertThat(response.json().path("query").path("queryType").asString()).isEqualTo("status");
    }
}
