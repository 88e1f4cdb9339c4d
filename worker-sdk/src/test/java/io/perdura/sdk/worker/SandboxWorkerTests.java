package io.perdura.sdk.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.perdura.common.api.TaskToken;
import io.perdura.common.api.WorkflowTask;
import io.perdura.common.history.EventAttributes;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import io.perdura.sdk.client.WorkflowClient;
import io.perdura.sdk.client.WorkflowClientOptions;
import io.perdura.sdk.fake.FakeFrontend;
import io.perdura.sdk.fake.FakeFrontend.Answer;
import io.perdura.sdk.workflow.AllowNonDeterministic;
import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A worker's runtime guard: workflow code that really sleeps fails its workflow task, the run is left open. */
class SandboxWorkerTests {

    private static final String NS = "/api/v1/namespaces/default";
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @WorkflowInterface
    public interface Napper {
        @WorkflowMethod(name = "Napper")
        String nap();
    }

    public static class NapperImpl implements Napper {
        @Override
        @AllowNonDeterministic("hidden from the static check so that the runtime guard meets it")
        public String nap() {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "rested";
        }
    }

    private final BlockingQueue<WorkflowTask> workflowTasks = new LinkedBlockingQueue<>();
    private FakeFrontend frontend;
    private WorkerFactory factory;

    @BeforeEach
    void start() throws Exception {
        frontend = new FakeFrontend();
        frontend.route("POST", NS + "/task-queues/naps/workflow-tasks/poll", r -> WorkerTests.next(workflowTasks))
                .route("POST", NS + "/workflow-tasks/complete", r -> Answer.empty(204))
                .route("POST", NS + "/workflow-tasks/fail", r -> Answer.empty(204))
                .route("POST", NS + "/task-queues/naps/polls/cancel", r -> Answer.empty(204));
        factory = WorkerFactory.newInstance(WorkflowClient.newInstance(WorkflowClientOptions.builder()
                .setTarget(frontend.target())
                .setIdentity("worker-test")
                .build()));
        factory.newWorker("naps", WorkerOptions.builder().setWorkflowPollers(1).build())
                .registerWorkflowImplementationTypes(NapperImpl.class);
        factory.start();
    }

    @AfterEach
    void stop() {
        factory.shutdownNow();
        assertThat(factory.awaitTermination(Duration.ofSeconds(10))).isTrue();
        frontend.close();
    }

    @Test
    void aRealSleepFailsTheWorkflowTaskWithNonDeterministicCall() {
        List<HistoryEvent> history = List.of(
                new HistoryEvent(
                        1,
                        T,
                        new EventAttributes.WorkflowExecutionStarted(
                                "Napper", "naps", Json.array(), null, null, null, "req", "client")),
                new HistoryEvent(2, T, new EventAttributes.WorkflowTaskScheduled("naps", null, 1)),
                new HistoryEvent(3, T, new EventAttributes.WorkflowTaskStarted(2, "worker-test", "p1")));
        String token =
                new TaskToken(TaskToken.Kind.WORKFLOW, "default", "wf-1", "run-1", "naps", 2, 3, 1, null).encode();
        workflowTasks.add(new WorkflowTask(token, "wf-1", "run-1", "Napper", 1, history, null));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> frontend.requests(NS + "/workflow-tasks/fail").size() == 1);
        FakeFrontend.Request fail =
                frontend.requests(NS + "/workflow-tasks/fail").getFirst();
        assertThat(fail.body().get("cause").asString()).isEqualTo("NON_DETERMINISTIC_CALL");
        assertThat(fail.body().get("failure").get("type").asString()).isEqualTo("NonDeterministicCall");
        assertThat(fail.body().get("failure").get("message").asString())
                .contains("java.lang.Thread.sleep called at " + NapperImpl.class.getName() + ".nap(");
        assertThat(frontend.requests(NS + "/workflow-tasks/complete")).isEmpty();
        assertThat(factory.getWorker("naps").getCachedWorkflowCount()).isZero();
    }
}
