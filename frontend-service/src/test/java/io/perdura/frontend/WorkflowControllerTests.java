package io.perdura.frontend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.perdura.common.api.ApiPaths;
import io.perdura.common.json.Json;
import io.perdura.common.model.WorkflowStatus;
import io.perdura.common.service.HistoryRequest.GetWorkflowExecutionHistory;
import io.perdura.common.service.HistoryRequest.GetWorkflowExecutionResult;
import io.perdura.common.service.HistoryRequest.ListWorkflowExecutions;
import io.perdura.common.service.HistoryRequest.SignalWorkflowExecution;
import io.perdura.common.service.HistoryRequest.StartWorkflowExecution;
import io.perdura.common.service.HistoryRequest.TerminateWorkflowExecution;
import io.perdura.common.service.MatchingRequest.QueryWorkflow;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WorkflowControllerTests extends FrontendWebTestSupport {

    private static final String START_HELLO = """
            {"workflowType":"Hello","taskQueue":"samples","input":["World"],"workflowTaskTimeout":"5s"}""";

    private String start(String workflowId) {
        Response response = post(ApiPaths.expand(ApiPaths.WORKFLOW, "default", workflowId), START_HELLO);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("runId").asString();
    }

    private StartWorkflowExecution lastStart(String workflowId) {
        return history.received(StartWorkflowExecution.class).stream()
                .filter(s -> s.workflowId().equals(workflowId))
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    @Test
    void startAnswers201WithTheRunAndItsLocation() {
        String workflowId = uniqueId("hello");
        Response response = post(ApiPaths.expand(ApiPaths.WORKFLOW, "default", workflowId), START_HELLO);

        assertThat(response.status()).isEqualTo(201);
        JsonNode body = response.json();
        assertThat(body.path("workflowId").asString()).isEqualTo(workflowId);
        String runId = body.path("runId").asString();
        assertThat(runId).isNotBlank();
        assertThat(response.location())
                .isEqualTo("/api/v1/namespaces/default/workflows/" + workflowId + "?runId=" + runId);

        StartWorkflowExecution forwarded = lastStart(workflowId);
        assertThat(forwarded.namespace()).isEqualTo("default");
        assertThat(forwarded.request().workflowType()).isEqualTo("Hello");
        assertThat(forwarded.request().input()).isEqualTo(Json.array("World"));
        assertThat(forwarded.request().workflowTaskTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(forwarded.request().requestId()).as("generated when absent").isNotBlank();
    }

    @Test
    void startWithoutInputSendsAnEmptyArgumentList() {
        String workflowId = uniqueId("no-input");
        Response response = post(
                ApiPaths.expand(ApiPaths.WORKFLOW, "default", workflowId),
                "{\"workflowType\":\"Hello\",\"taskQueue\":\"samples\"}");

        assertThat(response.status()).isEqualTo(201);
        assertThat(lastStart(workflowId).request().input()).isEqualTo(Json.array());
    }

    @Test
    void secondStartOfARunningWorkflowIsAnAlreadyStartedProblem() {
        String workflowId = uniqueId("twice");
        start(workflowId);

        Response second = post(ApiPaths.expand(ApiPaths.WORKFLOW, "default", workflowId), START_HELLO);

        JsonNode problem = assertProblem(second, 409, "already-started");
        assertThat(problem.path("title").asString()).isEqualTo("Workflow execution already started");
        assertThat(problem.path("instance").asString()).isEqualTo("/api/v1/namespaces/default/workflows/" + workflowId);
    }

    @Test
    void repeatedRequestIdReturnsTheSameRun() {
        String workflowId = uniqueId("idempotent");
        String body = "{\"workflowType\":\"Hello\",\"taskQueue\":\"samples\",\"requestId\":\"r-1\"}";
        Response first = post(ApiPaths.expand(ApiPaths.WORKFLOW, "default", workflowId), body);
        Response again = post(ApiPaths.expand(ApiPaths.WORKFLOW, "default", workflowId), body);

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().path("runId").asString())
                .isEqualTo(first.json().path("runId").asString());
    }

    @Test
    void describeReportsTheRun() {
        String workflowId = uniqueId("describe");
        String runId = start(workflowId);

        Response response = get(ApiPaths.expand(ApiPaths.WORKFLOW, "default", workflowId));

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("workflowId").asString()).isEqualTo(workflowId);
        assertThat(body.path("runId").asString()).isEqualTo(runId);
        assertThat(body.path("workflowType").asString()).isEqualTo("Hello");
        assertThat(body.path("taskQueue").asString()).isEqualTo("samples");
        assertThat(body.path("status").asString()).isEqualTo("RUNNING");
        assertThat(body.path("startTime").asString()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(body.path("historyLength").asLong()).isEqualTo(3);
        assertThat(body.has("closeTime")).as("nulls are omitted").isFalse();
    }

    @Test
    void unknownWorkflowIsANotFoundProblem() {
        Response response = get(ApiPaths.expand(ApiPaths.WORKFLOW, "default", uniqueId("nobody")));

        assertProblem(response, 404, "not-found");
    }

    @Test
    void resultOfAClosedRunIs200WithTheResult() {
        String workflowId = uniqueId("done");
        String runId = start(workflowId);
        history.complete("default", workflowId, Json.tree("Hello, World!"));

        Response response = get(ApiPaths.expand(ApiPaths.WORKFLOW_RESULT, "default", workflowId) + "?runId=" + runId);

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(body.path("result").asString()).isEqualTo("Hello, World!");
        assertThat(body.path("runId").asString()).isEqualTo(runId);
    }

    @Test
    void resultStillRunningWhenTheWaitElapsesIs202() {
        String workflowId = uniqueId("slow");
        start(workflowId);

        Response response = get(ApiPaths.expand(ApiPaths.WORKFLOW_RESULT, "default", workflowId) + "?wait=200ms");

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.json().path("status").asString()).isEqualTo("RUNNING");
        GetWorkflowExecutionResult forwarded =
                history.received(GetWorkflowExecutionResult.class).getLast();
        assertThat(forwarded.waitTimeout()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void resultWaitsForTheRunToClose() throws Exception {
        String workflowId = uniqueId("closing");
        start(workflowId);
        CompletableFuture<HttpResponse<String>> pending = java.net.http.HttpClient.newHttpClient()
                .sendAsync(
                        HttpRequest.newBuilder(uri(
                                        ApiPaths.expand(ApiPaths.WORKFLOW_RESULT, "default", workflowId) + "?wait=4s"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        org.awaitility.Awaitility.await()
                .until(() -> history.received(GetWorkflowExecutionResult.class).stream()
                        .anyMatch(r -> r.workflowId().equals(workflowId)));

        history.complete("default", workflowId, Json.tree(42));

        HttpResponse<String> response = pending.get();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Json.mapper().readTree(response.body()).path("result").asInt())
                .isEqualTo(42);
    }

    @Test
    void resultWaitLongerThanTheMaximumIsShortened() {
        String workflowId = uniqueId("capped");
        start(workflowId);
        history.complete("default", workflowId, Json.tree("ok"));

        get(ApiPaths.expand(ApiPaths.WORKFLOW_RESULT, "default", workflowId) + "?wait=1h");

        GetWorkflowExecutionResult forwarded = history.received(GetWorkflowExecutionResult.class).stream()
                .filter(r -> r.workflowId().equals(workflowId))
                .findFirst()
                .orElseThrow();
        assertThat(forwarded.waitTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void badWaitIsAnInvalidArgumentProblem() {
        String workflowId = uniqueId("bad-wait");
        start(workflowId);

        Response response = get(ApiPaths.expand(ApiPaths.WORKFLOW_RESULT, "default", workflowId) + "?wait=soon");

        JsonNode problem = assertProblem(response, 400, "invalid-argument");
        assertThat(problem.path("detail").asString()).contains("wait", "soon");
    }

    @Test
    void historyIsAPageOfEventsInTemporalVocabulary() {
        String workflowId = uniqueId("history");
        start(workflowId);

        Response response = get(
                ApiPaths.expand(ApiPaths.WORKFLOW_HISTORY, "default", workflowId) + "?pageSize=10&nextPageToken=p2");

        assertThat(response.status()).isEqualTo(200);
        JsonNode event = response.json().path("events").path(0);
        assertThat(event.path("eventId").asLong()).isEqualTo(1);
        assertThat(event.path("eventType").asString()).isEqualTo("WorkflowExecutionStarted");
        assertThat(event.path("eventTime").asString()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(event.path("attributes").path("workflowType").asString()).isEqualTo("Hello");
        assertThat(event.path("attributes").path("workflowTaskTimeout").asString())
                .isEqualTo("5s");
        assertThat(response.json().has("nextPageToken")).isFalse();
        GetWorkflowExecutionHistory forwarded =
                history.received(GetWorkflowExecutionHistory.class).getLast();
        assertThat(forwarded.pageSize()).isEqualTo(10);
        assertThat(forwarded.nextPageToken()).isEqualTo("p2");
    }

    @Test
    void formatJsonDownloadsEveryPageOfTheLatestRunAsAnAttachment() throws Exception {
        String workflowId = uniqueId(FakeHistory.PAGED_PREFIX + "download");
        String runId = start(workflowId);

        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(uri(ApiPaths.expand(ApiPaths.WORKFLOW_HISTORY, "default", workflowId)
                                        + "?format=json"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"" + workflowId + "-" + runId + ".json\"");
        JsonNode body = Json.read(response.body(), JsonNode.class);
        assertThat(body.path("events"))
                .extracting(e -> e.path("eventType").asString())
                .containsExactly("WorkflowExecutionStarted", "WorkflowTaskScheduled");
        assertThat(body.has("nextPageToken")).isFalse();
        assertThat(history.received(GetWorkflowExecutionHistory.class).stream()
                        .filter(r -> r.workflowId().equals(workflowId)))
                .extracting(GetWorkflowExecutionHistory::runId, GetWorkflowExecutionHistory::nextPageToken)
                .containsExactly(tuple(runId, null), tuple(runId, FakeHistory.PAGE_2));
    }

    @Test
    void anUnknownHistoryFormatIsAnInvalidArgumentProblem() {
        String workflowId = uniqueId("history");
        start(workflowId);

        Response response = get(ApiPaths.expand(ApiPaths.WORKFLOW_HISTORY, "default", workflowId) + "?format=xml");

        JsonNode problem = assertProblem(response, 400, "invalid-argument");
        assertThat(problem.path("detail").asString()).contains("format", "json", "xml");
    }

    @Test
    void pageSizeOutOfRangeIsAnInvalidArgumentProblem() {
        Response response = get(ApiPaths.expand(ApiPaths.WORKFLOWS, "default") + "?pageSize=0");

        JsonNode problem = assertProblem(response, 400, "invalid-argument");
        assertThat(problem.path("detail").asString()).contains("pageSize");
    }

    @Test
    void listFiltersByStatusAndType() {
        String workflowId = uniqueId("listed");
        start(workflowId);

        Response response = get(
                ApiPaths.expand(ApiPaths.WORKFLOWS, "default") + "?status=RUNNING&workflowType=Hello&pageSize=1000");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json()
                        .path("executions")
                        .valueStream()
                        .map(e -> e.path("workflowId").asString()))
                .contains(workflowId);
        ListWorkflowExecutions forwarded =
                history.received(ListWorkflowExecutions.class).getLast();
        assertThat(forwarded.status()).isEqualTo(WorkflowStatus.RUNNING);
        assertThat(forwarded.workflowType()).isEqualTo("Hello");
        assertThat(forwarded.pageSize()).isEqualTo(1000);
    }

    @Test
    void unknownStatusIsAnInvalidArgumentProblemListingTheStatuses() {
        Response response = get(ApiPaths.expand(ApiPaths.WORKFLOWS, "default") + "?status=SLEEPING");

        JsonNode problem = assertProblem(response, 400, "invalid-argument");
        assertThat(problem.path("detail").asString()).contains("status", "SLEEPING", "RUNNING");
    }

    @Test
    void signalIsRecordedAndAnswers204() {
        String workflowId = uniqueId("signal");
        String runId = start(workflowId);

        Response response = post(
                ApiPaths.expand(ApiPaths.WORKFLOW_SIGNAL, "default", workflowId, "approve") + "?runId=" + runId,
                "{\"input\":[\"alice\"]}");

        assertThat(response.status()).isEqualTo(204);
        SignalWorkflowExecution forwarded =
                history.received(SignalWorkflowExecution.class).getLast();
        assertThat(forwarded.signalName()).isEqualTo("approve");
        assertThat(forwarded.runId()).isEqualTo(runId);
        assertThat(forwarded.request().input()).isEqualTo(Json.array("alice"));
        assertThat(forwarded.request().requestId()).isNotBlank();
    }

    @Test
    void signalToAnUnknownWorkflowIsANotFoundProblem() {
        Response response = post(
                ApiPaths.expand(ApiPaths.WORKFLOW_SIGNAL, "default", uniqueId("nobody"), "approve"), "{\"input\":[]}");

        assertProblem(response, 404, "not-found");
    }

    @Test
    void queryGoesToTheRunsTaskQueueAndAnswersWithTheResult() {
        String workflowId = uniqueId("query");
        String runId = start(workflowId);

        Response response =
                post(ApiPaths.expand(ApiPaths.WORKFLOW_QUERY, "default", workflowId, "status"), "{\"input\":[1]}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("result").path("queryType").asString()).isEqualTo("status");
        assertThat(response.json().path("result").path("input")).isEqualTo(Json.array(1));
        QueryWorkflow forwarded = matching.received(QueryWorkflow.class).getLast();
        assertThat(forwarded.taskQueue()).isEqualTo("samples");
        assertThat(forwarded.runId()).isEqualTo(runId);
        assertThat(forwarded.timeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void failedQueryIsAQueryFailedProblem() {
        String workflowId = uniqueId("query-fails");
        start(workflowId);

        Response response = post(ApiPaths.expand(ApiPaths.WORKFLOW_QUERY, "default", workflowId, "broken"), null);

        JsonNode problem = assertProblem(response, 400, "query-failed");
        assertThat(problem.path("detail").asString()).isEqualTo("query handler threw: no state");
    }

    @Test
    void terminateClosesTheRun() {
        String workflowId = uniqueId("terminate");
        start(workflowId);

        Response response = post(
                ApiPaths.expand(ApiPaths.WORKFLOW_TERMINATE, "default", workflowId),
                "{\"reason\":\"no longer needed\"}");

        assertThat(response.status()).isEqualTo(204);
        assertThat(history.received(TerminateWorkflowExecution.class)
                        .getLast()
                        .request()
                        .reason())
                .isEqualTo("no longer needed");
        Response result = get(ApiPaths.expand(ApiPaths.WORKFLOW_RESULT, "default", workflowId));
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.json().path("status").asString()).isEqualTo("TERMINATED");
        assertThat(result.json().path("failure").path("message").asString()).isEqualTo("no longer needed");
    }
}
