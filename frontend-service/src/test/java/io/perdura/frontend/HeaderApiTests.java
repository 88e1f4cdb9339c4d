package io.perdura.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.common.api.ApiPaths;
import io.perdura.common.json.Json;
import io.perdura.common.service.HistoryRequest.SignalWithStartWorkflowExecution;
import io.perdura.common.service.HistoryRequest.SignalWorkflowExecution;
import io.perdura.common.service.HistoryRequest.StartWorkflowExecution;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Headers through REST (ADR 26): forwarded on start, signal-with-start and signal; refused unless an object. */
class HeaderApiTests extends FrontendWebTestSupport {

    private static final String START = """
            {"workflowType":"Approval","taskQueue":"samples","input":["laptop"],"header":{"tenant":"acme"}}""";

    @Test
    void aStartForwardsItsHeader() {
        String workflowId = uniqueId("header-start");

        Response response = post(ApiPaths.expand(ApiPaths.WORKFLOW, "default", workflowId), START);

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(history.received(StartWorkflowExecution.class)
                        .getLast()
                        .request()
                        .header())
                .isEqualTo(Json.tree(Map.of("tenant", "acme")));
    }

    @Test
    void signalWithStartAndASignalForwardTheirHeaders() {
        String workflowId = uniqueId("header-sws");

        Response started =
                post(ApiPaths.expand(ApiPaths.WORKFLOW_SIGNAL_WITH_START, "default", workflowId, "approve"), START);
        Response signaled = post(
                ApiPaths.expand(ApiPaths.WORKFLOW_SIGNAL, "default", workflowId, "approve"),
                "{\"input\":[\"dora\"],\"header\":{\"tenant\":\"globex\"}}");

        assertThat(started.status()).as(started.body()).isIn(200, 201);
        assertThat(signaled.status()).as(signaled.body()).isIn(200, 202, 204);
        assertThat(history.received(SignalWithStartWorkflowExecution.class)
                        .getLast()
                        .request()
                        .header())
                .isEqualTo(Json.tree(Map.of("tenant", "acme")));
        assertThat(history.received(SignalWorkflowExecution.class)
                        .getLast()
                        .request()
                        .header())
                .isEqualTo(Json.tree(Map.of("tenant", "globex")));
    }

    @Test
    void aHeaderThatIsNotAnObjectIsAnInvalidArgument() {
        String path = ApiPaths.expand(ApiPaths.WORKFLOW, "default", uniqueId("bad-header"));

        assertThat(assertProblem(
                                post(path, "{\"workflowType\":\"A\",\"taskQueue\":\"q\",\"header\":[1]}"),
                                400,
                                "invalid-argument")
                        .path("detail")
                        .asString())
                .contains("header must be a JSON object");
        assertThat(assertProblem(
                                post(
                                        ApiPaths.expand(ApiPaths.WORKFLOW_SIGNAL, "default", uniqueId("x"), "s"),
                                        "{\"header\":\"tenant\"}"),
                                400,
                                "invalid-argument")
                        .path("detail")
                        .asString())
                .contains("header must be a JSON object");
    }
}
