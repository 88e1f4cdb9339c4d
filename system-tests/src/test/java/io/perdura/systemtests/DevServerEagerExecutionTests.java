package io.perdura.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.perdura.sdk.worker.WorkerOptions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Eager activity execution (ADR 29) end to end on the dev server: a worker that has the workflow and
 * its activity on one queue runs the activity from the workflow task's completion, without an
 * activity poll; killed while it runs that attempt, the attempt times out start-to-close and its
 * retry goes to another worker through matching; with eager execution off the activity is polled.
 */
class DevServerEagerExecutionTests extends DevServerWorkerTestBase {

    @Override
    String queuePrefix() {
        return "eager";
    }

    private void start(String workflowId) {
        RestApi.Response response = api.post(
                NS + "/workflows/" + workflowId,
                "{\"workflowType\":\"EagerNap\",\"taskQueue\":\"" + queue + "\",\"input\":[\"Ada\"]}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    private List<String> eventTypes(String workflowId) {
        List<String> types = new ArrayList<>();
        events(workflowId).forEach(event -> types.add(event.get("eventType").asString()));
        return types;
    }

    @Test
    void anActivityOnTheWorkersOwnQueueRunsEagerlyAndTheWorkflowCompletes() {
        startWorker(WorkerOptions.getDefaultInstance());
        String workflowId = Conformance.id("eager-nap");
        start(workflowId);

        JsonNode result = result(workflowId);

        assertThat(result.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(result.get("result").asString()).isEqualTo("Ada rested on attempt 1");
        assertThat(eventTypes(workflowId))
                .containsExactly(
                        "WorkflowExecutionStarted",
                        "WorkflowTaskScheduled",
                        "WorkflowTaskStarted",
                        "WorkflowTaskCompleted",
                        "ActivityTaskScheduled",
                        "ActivityTaskStarted",
                        "ActivityTaskCompleted",
                        "WorkflowTaskScheduled",
                        "WorkflowTaskStarted",
                        "WorkflowTaskCompleted",
                        "WorkflowExecutionCompleted");
    }

    @Test
    void withEagerExecutionOffTheActivityIsPolledAndTheWorkflowCompletesAlike() {
        startWorker(WorkerOptions.builder().setDisableEagerExecution(true).build());
        String workflowId = Conformance.id("polled-nap");
        start(workflowId);

        assertThat(result(workflowId).get("result").asString()).isEqualTo("Ada rested on attempt 1");
    }

    @Test
    void anEagerAttemptWhoseWorkerWasKilledTimesOutAndItsRetryRunsOnAnotherWorker() {
        String workflowId = Conformance.id("doomed-nap");
        JsonNode pending;
        try (WorkerProcess doomed =
                WorkerProcess.start("doomed-eager", EagerNapWorkflow.class.getName(), server.url(), queue)) {
            start(workflowId);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> api.get(NS + "/workflows/" + workflowId)
                                    .json()
                                    .get("pendingActivities")
                                    .size()
                            == 1);
            pending = api.get(NS + "/workflows/" + workflowId)
                    .json()
                    .get("pendingActivities")
                    .get(0);
            doomed.kill();
        }
        assertThat(pending.get("state").asString()).isEqualTo("STARTED");
        assertThat(pending.get("attempt").asInt()).isEqualTo(1);
        JsonNode completed = events(workflowId).get(3);
        assertThat(completed.get("eventType").asString()).isEqualTo("WorkflowTaskCompleted");
        assertThat(Instant.parse(pending.get("lastStartedTime").asString()).truncatedTo(ChronoUnit.MILLIS))
                .as("the attempt started in the workflow task's completion, not from a poll")
                .isEqualTo(Instant.parse(completed.get("eventTime").asString()).truncatedTo(ChronoUnit.MILLIS));

        startWorker(WorkerOptions.getDefaultInstance());

        JsonNode result = result(workflowId);
        List<String> types = eventTypes(workflowId);
        assertThat(types.subList(4, 7))
                .containsExactly("ActivityTaskScheduled", "ActivityTaskStarted", "ActivityTaskCompleted");
        var started = events(workflowId).get(5).get("attributes");
        int attempt = started.get("attempt").asInt();
        assertThat(attempt).as("a retry after the eager attempt timed out").isGreaterThanOrEqualTo(2);
        assertThat(result.get("result").asString()).isEqualTo("Ada rested on attempt " + attempt);
        assertThat(started.get("lastFailure").get("timeoutType").asString()).isEqualTo("START_TO_CLOSE");
    }
}
