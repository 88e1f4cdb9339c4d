package io.perdura.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.perdura.common.api.ApiPaths;
import io.perdura.common.api.TaskToken;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/** Every error is an RFC 9457 problem with a stable type, and never shows a stack trace. */
class ProblemTests extends FrontendWebTestSupport {

    private String workflowPath() {
        return ApiPaths.expand(ApiPaths.WORKFLOW, "default", uniqueId("p"));
    }

    @Test
    void malformedJsonIsAnInvalidArgumentProblem() {
        Response response = post(workflowPath(), "{\"workflowType\":");

        JsonNode problem = assertProblem(response, 400, "invalid-argument");
        assertThat(problem.path("detail").asString()).startsWith("malformed JSON body");
    }

    @Test
    void inputThatIsNotAnArrayIsAnInvalidArgumentProblem() {
        Response response =
                post(workflowPath(), "{\"workflowType\":\"Hello\",\"taskQueue\":\"samples\",\"input\":\"World\"}");

        JsonNode problem = assertProblem(response, 400, "invalid-argument");
        assertThat(problem.path("detail").asString()).contains("input", "JSON array");
    }

    @Test
    void missingBodyIsAnInvalidArgumentProblem() {
        Response response = post(workflowPath(), null);

        JsonNode problem = assertProblem(response, 400, "invalid-argument");
        assertThat(problem.path("detail").asString()).doesNotContain("io.perdura");
    }

    @Test
    void missingWorkflowTypeIsAnInvalidArgumentProblem() {
        Response response = post(workflowPath(), "{\"taskQueue\":\"samples\"}");

        JsonNode problem = assertProblem(response, 400, "invalid-argument");
        assertThat(problem.path("detail").asString()).contains("workflowType");
    }

    @Test
    void overlongWorkflowIdIsAnInvalidArgumentProblem() {
        Response response = post(
                ApiPaths.expand(ApiPaths.WORKFLOW, "default", "x".repeat(256)),
                "{\"workflowType\":\"Hello\",\"taskQueue\":\"samples\"}");

        JsonNode problem = assertProblem(response, 400, "invalid-argument");
        assertThat(problem.path("detail").asString()).contains("workflowId", "255");
    }

    @Test
    void badDurationInTheBodyIsAnInvalidArgumentProblem() {
        Response response = post(
                workflowPath(),
                "{\"workflowType\":\"Hello\",\"taskQueue\":\"samples\",\"workflowRunTimeout\":\"forever\"}");

        JsonNode problem = assertProblem(response, 400, "invalid-argument");
        assertThat(problem.path("detail").asString())
                .startsWith("malformed JSON body at workflowRunTimeout")
                .contains("forever");
    }

    @Test
    void unknownEnumValueInTheBodyIsAnInvalidArgumentProblemNamingItsPath() {
        Response response = post(
                ApiPaths.expand(ApiPaths.WORKFLOW_TASK_COMPLETE, "default"),
                "{\"taskToken\":\"x\",\"commands\":[{\"commandType\":\"LaunchRocket\"}]}");

        JsonNode problem = assertProblem(response, 400, "invalid-argument");
        assertThat(problem.path("detail").asString())
                .startsWith("malformed JSON body at commands[0]")
                .contains("LaunchRocket");
    }

    @Test
    void negativeTimeoutIsAnInvalidArgumentProblem() {
        Response response = post(
                workflowPath(),
                "{\"workflowType\":\"Hello\",\"taskQueue\":\"samples\",\"workflowTaskTimeout\":\"-PT1S\"}");

        assertProblem(response, 400, "invalid-argument");
    }

    @Test
    void nonNumericPageSizeIsAnInvalidArgumentProblem() {
        Response response = get(ApiPaths.expand(ApiPaths.WORKFLOWS, "default") + "?pageSize=many");

        assertProblem(response, 400, "invalid-argument");
    }

    @Test
    void unknownEndpointIsANotFoundProblem() {
        Response response = get("/api/v1/namespaces/default/nothing-here");

        assertProblem(response, 404, "not-found");
    }

    @Test
    void unsupportedMethodKeepsItsStatusAsAProblem() {
        Response response = send(HttpRequest.newBuilder(uri(workflowPath())).DELETE());

        assertProblem(response, 405, "invalid-argument");
    }

    @Test
    void unexpectedErrorIsAnInternalProblemWithoutItsDetails() {
        Response response = get(ApiPaths.expand(ApiPaths.WORKFLOW, "default", "explode"));

        JsonNode problem = assertProblem(response, 500, "internal");
        assertThat(response.body()).doesNotContain("secret", "IllegalState");
        assertThat(problem.path("title").asString()).isEqualTo("Internal error");
    }

    @Test
    void problemIsServedToClientsAcceptingOnlyJson() {
        Response response = send(HttpRequest.newBuilder(uri(workflowPath()))
                .header("Accept", "application/json")
                .GET());

        assertProblem(response, 404, "not-found");
    }

    @Test
    void problemLogCarriesTheRequestsWorkflowInTheMdc() {
        Logger logger = (Logger) LoggerFactory.getLogger("io.perdura.frontend.problem.FrontendExceptionHandler");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        String workflowId = uniqueId("mdc");
        try {
            get(ApiPaths.expand(ApiPaths.WORKFLOW, "default", workflowId) + "?runId=run-9");
            String token =
                    new TaskToken(TaskToken.Kind.ACTIVITY, "default", workflowId, "run-9", "q", 5, 6, 1, null).encode();
            post(ApiPaths.expand(ApiPaths.WORKFLOW_TASK_COMPLETE, "default"), "{\"taskToken\":\"" + token + "\"}");
        } finally {
            logger.detachAppender(appender);
        }

        assertThat(appender.list).hasSize(2);
        assertThat(appender.list.get(0).getMDCPropertyMap())
                .containsEntry("namespace", "default")
                .containsEntry("workflowId", workflowId)
                .containsEntry("runId", "run-9");
        assertThat(appender.list.get(1).getMDCPropertyMap())
                .as("from the task token")
                .containsEntry("workflowId", workflowId)
                .containsEntry("taskQueue", "q");
    }

    @Test
    void backendThatDoesNotAnswerIsATimeoutProblem() {
        Response response = get(ApiPaths.expand(ApiPaths.WORKFLOW, "default", "silent"));

        JsonNode problem = assertProblem(response, 504, "timeout");
        assertThat(problem.path("detail").asString()).contains("history", "1s");
    }
}
