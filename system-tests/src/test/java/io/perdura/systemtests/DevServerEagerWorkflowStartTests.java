package io.perdura.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.sdk.client.WorkflowOptions;
import io.perdura.sdk.worker.WorkerFactory;
import io.perdura.sdk.worker.WorkerOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Eager workflow start (ADR 29) end to end on the dev server: a client whose worker factory runs the
 * workflow gets the first workflow task in the start's answer and its worker runs it without a poll;
 * a client that asks for the task and never runs it (as if it died right after the start) still gets
 * its run completed: the task times out start-to-close and its retry goes through matching.
 */
class DevServerEagerWorkflowStartTests extends DevServerWorkerTestBase {

    @Override
    String queuePrefix() {
        return "eager-start";
    }

    @Test
    void aStartByTheWorkersOwnClientRunsTheFirstWorkflowTaskWithoutAPoll() {
        WorkerFactory factory = startWorker(WorkerOptions.getDefaultInstance());
        String workflowId = Conformance.id("eager-start");

        factory.getWorkflowClient()
                .newWorkflowStub(
                        EagerNapWorkflow.class,
                        WorkflowOptions.newBuilder()
                                .setWorkflowId(workflowId)
                                .setTaskQueue(queue)
                                .build())
                .nap("Ada");

        JsonNode events = events(workflowId);
        assertThat(events.get(2).get("eventType").asString()).isEqualTo("WorkflowTaskStarted");
        assertThat(events.get(2).get("eventTime"))
                .as("started in the start's own transaction")
                .isEqualTo(events.get(0).get("eventTime"));
        assertThat(events.get(2).get("attributes").has("requestId"))
                .as("no poll request started it")
                .isFalse();
        assertThat(events.get(8).get("attributes").get("requestId").asString())
                .as("the next workflow task was polled")
                .isNotBlank();
        assertThat(result(workflowId).get("result").asString()).isEqualTo("Ada rested on attempt 1");
    }

    @Test
    void anEagerTaskItsClientNeverRunsTimesOutAndItsRetryCompletesTheRunThroughMatching() {
        String workflowId = Conformance.id("abandoned-start");
        RestApi.Response started = api.post(
                NS + "/workflows/" + workflowId,
                "{\"workflowType\":\"EagerNap\",\"taskQueue\":\"" + queue + "\",\"input\":[\"Ada\"],"
                        + "\"workflowTaskTimeout\":\"1s\",\"requestEagerExecution\":true}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        assertThat(started.json().get("eagerWorkflowTask").get("attempt").asInt())
                .isEqualTo(1);

        startWorker(WorkerOptions.getDefaultInstance());

        assertThat(result(workflowId).get("result").asString()).isEqualTo("Ada rested on attempt 1");
        List<String> types = new ArrayList<>();
        events(workflowId).forEach(event -> types.add(event.get("eventType").asString()));
        assertThat(types.subList(0, 7))
                .containsExactly(
                        "WorkflowExecutionStarted",
                        "WorkflowTaskScheduled",
                        "WorkflowTaskStarted",
                        "WorkflowTaskTimedOut",
                        "WorkflowTaskScheduled",
                        "WorkflowTaskStarted",
                        "WorkflowTaskCompleted");
    }
}
