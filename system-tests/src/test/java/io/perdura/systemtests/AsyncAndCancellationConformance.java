package io.perdura.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.perdura.sdk.activity.Activity;
import io.perdura.sdk.activity.ActivityCancellationType;
import io.perdura.sdk.activity.ActivityInterface;
import io.perdura.sdk.activity.ActivityOptions;
import io.perdura.sdk.failure.ActivityFailure;
import io.perdura.sdk.failure.ApplicationFailure;
import io.perdura.sdk.failure.CanceledFailure;
import io.perdura.sdk.workflow.CancellationScope;
import io.perdura.sdk.workflow.Workflow;
import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Async activities, cancellation (of a workflow, a timer, an activity), continue-as-new and the
 * workflow's own retry policy, end to end with the samples and a few test workflows.
 */
interface AsyncAndCancellationConformance extends Conformance {

    /** Heartbeats until told to stop; reports how it ended. */
    @ActivityInterface
    interface Heartbeating {
        String work(int seconds);
    }

    /** The activity: heartbeats every 200 ms, and stops when its heartbeat says it was cancelled. */
    class HeartbeatingActivity implements Heartbeating {
        @Override
        public String work(int seconds) {
            for (int i = 0; i < seconds * 5; i++) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return "interrupted";
                }
                Activity.getExecutionContext().heartbeat(i);
            }
            return "worked " + seconds + "s";
        }
    }

    /** Workflow type {@code CancelsItsActivity}: starts a long activity, cancels its scope, waits for the ack. */
    @WorkflowInterface
    interface CancelsItsActivity {
        @WorkflowMethod(name = "CancelsItsActivity")
        String run();
    }

    /** The workflow. */
    class CancelsItsActivityWorkflow implements CancelsItsActivity {
        private final Heartbeating heartbeating = Workflow.newActivityStub(
                Heartbeating.class,
                ActivityOptions.builder()
                        .setStartToCloseTimeout(Duration.ofSeconds(60))
                        .setHeartbeatTimeout(Duration.ofSeconds(2))
                        .setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED)
                        .build());

        @Override
        public String run() {
            String[] outcome = new String[1];
            CancellationScope scope = Workflow.newCancellationScope(() -> {
                try {
                    outcome[0] = heartbeating.work(60);
                } catch (ActivityFailure e) {
                    outcome[0] = e.getCause() instanceof CanceledFailure ? "activity canceled" : "failed: " + e;
                }
            });
            Workflow.newTimer(Duration.ofSeconds(2)).thenApply(fired -> {
                scope.cancel("enough");
                return fired;
            });
            scope.run();
            return outcome[0];
        }
    }

    /** Workflow type {@code FailsTwice}: fails its first two attempts, then answers its attempt number. */
    @WorkflowInterface
    interface FailsTwice {
        @WorkflowMethod(name = "FailsTwice")
        int run();
    }

    /** The workflow. */
    class FailsTwiceWorkflow implements FailsTwice {
        @Override
        public int run() {
            int attempt = Workflow.getInfo().getAttempt();
            if (attempt < 3) {
                throw ApplicationFailure.newFailure("attempt " + attempt + " fails", "Flaky");
            }
            return attempt;
        }
    }

    @Test
    default void parallelGreetingsSchedulesEveryActivityInOneWorkflowTask() {
        startSamplesWorker();
        String id = Conformance.id("parallel");
        start(id, "ParallelGreetings", "[[\"Ada\",\"Grace\",\"Linus\",\"Barbara\",\"Ken\"]]");

        JsonNode result = result(id);

        assertThat(result.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(result.get("result").valueStream().map(JsonNode::asString).toList())
                .containsExactly("Hello, Ada!", "Hello, Grace!", "Hello, Linus!", "Hello, Barbara!", "Hello, Ken!");
        List<String> types = eventTypes(id);
        int firstCompleted = types.indexOf("WorkflowTaskCompleted");
        assertThat(types.subList(firstCompleted + 1, firstCompleted + 6)).containsOnly("ActivityTaskScheduled");
        assertThat(types.stream().filter("ActivityTaskScheduled"::equals)).hasSize(5);
    }

    @Test
    default void countdownContinuesAsNewAndTheFirstRunsResultFollowsTheChain() {
        startSamplesWorker();
        String id = Conformance.id("countdown");
        String firstRun = start(id, "Countdown", "[3]");

        RestApi.Response response = api().get(NS + "/workflows/" + id + "/result?runId=" + firstRun + "&wait=30s");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("result").asString()).isEqualTo("liftoff");
        assertThat(response.json().get("runId").asString()).isNotEqualTo(firstRun);

        JsonNode first =
                api().get(NS + "/workflows/" + id + "?runId=" + firstRun).json();
        assertThat(first.get("status").asString()).isEqualTo("CONTINUED_AS_NEW");
        JsonNode latest = describe(id);
        assertThat(latest.get("runId").asString())
                .isEqualTo(response.json().get("runId").asString());
        assertThat(latest.get("firstRunId").asString()).isEqualTo(firstRun);
        List<String> firstTypes = api().get(NS + "/workflows/" + id + "/history?runId=" + firstRun)
                .json()
                .get("events")
                .valueStream()
                .map(e -> e.get("eventType").asString())
                .toList();
        assertThat(firstTypes.getLast()).isEqualTo("WorkflowExecutionContinuedAsNew");
    }

    @Test
    default void cancellableCleansUpAndClosesCanceled() {
        startSamplesWorker();
        String id = Conformance.id("cancellable");
        start(id, "Cancellable", "[]");
        await().atMost(Duration.ofSeconds(30)).until(() -> eventTypes(id).contains("TimerStarted"));

        RestApi.Response cancel = api().post(NS + "/workflows/" + id + "/cancel", "{\"reason\":\"not needed\"}");
        assertThat(cancel.status()).as(cancel.body()).isEqualTo(202);

        JsonNode result = result(id);
        assertThat(result.get("status").asString()).isEqualTo("CANCELED");
        assertThat(eventTypes(id))
                .containsSubsequence(
                        "WorkflowExecutionCancelRequested",
                        "TimerCanceled",
                        "ActivityTaskCompleted",
                        "WorkflowExecutionCanceled");
        RestApi.Response query = api().post(NS + "/workflows/" + id + "/query/cleanedUp", "{\"input\":[]}");
        assertThat(query.status()).as(query.body()).isEqualTo(200);
        assertThat(query.json().get("result").asBoolean()).isTrue();
    }

    @Test
    default void aCancelledActivityLearnsOfItFromItsHeartbeatAndAcknowledges() {
        startWorker(worker -> {
            worker.registerWorkflowImplementationTypes(CancelsItsActivityWorkflow.class);
            worker.registerActivitiesImplementations(new HeartbeatingActivity());
        });
        String id = Conformance.id("activity-cancel");
        start(id, "CancelsItsActivity", "[]");

        JsonNode result = result(id);

        assertThat(result.get("result").asString()).isEqualTo("activity canceled");
        assertThat(eventTypes(id))
                .containsSubsequence(
                        "ActivityTaskScheduled",
                        "TimerFired",
                        "ActivityTaskCancelRequested",
                        "ActivityTaskStarted",
                        "ActivityTaskCanceled",
                        "WorkflowExecutionCompleted");
    }

    @Test
    default void aFailedRunIsRetriedByTheWorkflowsRetryPolicy() {
        startWorker(worker -> worker.registerWorkflowImplementationTypes(FailsTwiceWorkflow.class));
        String id = Conformance.id("retried");
        RestApi.Response started = api().post(
                        NS + "/workflows/" + id,
                        "{\"workflowType\":\"FailsTwice\",\"taskQueue\":\"" + queue()
                                + "\",\"retryPolicy\":{\"initialInterval\":\"100ms\",\"maximumAttempts\":5}}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String firstRun = started.json().get("runId").asString();

        JsonNode result = result(id);

        assertThat(result.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(result.get("result").asInt()).isEqualTo(3);
        JsonNode first =
                api().get(NS + "/workflows/" + id + "?runId=" + firstRun).json();
        assertThat(first.get("status").asString()).isEqualTo("FAILED");
    }
}
