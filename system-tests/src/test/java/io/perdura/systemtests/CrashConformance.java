package io.perdura.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.perdura.sdk.worker.WorkerFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A kill -9 in the middle of the new interactions loses nothing: a chain of continue-as-new runs and
 * a cancel request not yet seen by the workflow, through a killed server and a killed worker.
 */
interface CrashConformance extends Conformance {

    /** Each run of the workflow id, by status. */
    private Map<String, Long> runsByStatus(String workflowId, String workflowType) {
        JsonNode page = api().get(NS + "/workflows?workflowType=" + workflowType + "&pageSize=1000")
                .json();
        List<JsonNode> runs = page.get("executions")
                .valueStream()
                .filter(run -> run.get("workflowId").asString().equals(workflowId))
                .toList();
        return runs.stream()
                .collect(Collectors.groupingBy(run -> run.get("status").asString(), Collectors.counting()));
    }

    @Test
    default void aContinueAsNewChainAndACancelRequestSurviveAKillDashNineOfTheServer() {
        WorkerFactory worker = startSamplesWorker();
        String countdown = Conformance.id("countdown-crash");
        String cancellable = Conformance.id("cancellable-crash");
        start(countdown, "Countdown", "[40]");
        start(cancellable, "Cancellable", "[]");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> eventTypes(cancellable).contains("TimerStarted")
                        && !describe(countdown)
                                .get("runId")
                                .asString()
                                .equals(describe(countdown).get("firstRunId").asString()));
        stopWorker(worker);
        RestApi.Response cancel =
                api().post(NS + "/workflows/" + cancellable + "/cancel", "{\"reason\":\"crash test\"}");
        assertThat(cancel.status()).as(cancel.body()).isEqualTo(202);

        server().kill();
        server().start();
        startSamplesWorker();

        assertThat(result(countdown).get("result").asString()).isEqualTo("liftoff");
        assertThat(runsByStatus(countdown, "Countdown"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("CONTINUED_AS_NEW", 40L, "COMPLETED", 1L));
        assertThat(result(cancellable).get("status").asString()).isEqualTo("CANCELED");
        List<String> types = eventTypes(cancellable);
        assertThat(types.stream().filter("WorkflowExecutionCancelRequested"::equals))
                .hasSize(1);
        assertThat(types.stream().filter("ActivityTaskCompleted"::equals)).hasSize(1);
        assertThat(types.getLast()).isEqualTo("WorkflowExecutionCanceled");
    }

    @Test
    default void aContinueAsNewChainFinishesOnAnotherWorkerAfterItsWorkerIsKilled() {
        String countdown = Conformance.id("countdown-worker-crash");
        try (WorkerProcess doomed = WorkerProcess.start(server().url(), "doomed-countdown")) {
            RestApi.Response started = api().post(
                            NS + "/workflows/" + countdown,
                            "{\"workflowType\":\"Countdown\",\"taskQueue\":\"samples\",\"input\":[60]}");
            assertThat(started.status()).as(started.body()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> runsByStatus(countdown, "Countdown").getOrDefault("CONTINUED_AS_NEW", 0L) >= 5);
            doomed.kill();
        }

        try (WorkerProcess survivor = WorkerProcess.start(server().url(), "survivor-countdown")) {
            assertThat(result(countdown).get("result").asString()).isEqualTo("liftoff");
            assertThat(runsByStatus(countdown, "Countdown"))
                    .containsExactlyInAnyOrderEntriesOf(Map.of("CONTINUED_AS_NEW", 60L, "COMPLETED", 1L));
        }
    }
}
