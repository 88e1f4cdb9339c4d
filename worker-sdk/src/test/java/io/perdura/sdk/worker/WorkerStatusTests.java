package io.perdura.sdk.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.perdura.sdk.client.WorkflowClient;
import io.perdura.sdk.client.WorkflowClientOptions;
import io.perdura.sdk.fake.FakeFrontend;
import io.perdura.sdk.fake.FakeFrontend.Answer;
import io.perdura.sdk.worker.PollerStatus.TaskKind;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkerStatusTests {

    private static final String NS = "/api/v1/namespaces/default";

    private WorkerFactory factory;

    @AfterEach
    void stop() {
        if (factory != null) {
            factory.shutdownNow();
            factory.awaitTermination(Duration.ofSeconds(10));
        }
    }

    private Worker start(String target) {
        factory = WorkerFactory.newInstance(
                WorkflowClient.newInstance(WorkflowClientOptions.builder()
                        .setTarget(target)
                        .setConnectTimeout(Duration.ofMillis(500))
                        .build()),
                WorkerFactoryOptions.builder()
                        .setInitialPollBackoff(Duration.ofMillis(10))
                        .setMaxPollBackoff(Duration.ofMillis(50))
                        .build());
        Worker worker = factory.newWorker(
                "greetings",
                WorkerOptions.builder()
                        .setWorkflowPollers(2)
                        .setActivityPollers(1)
                        .setMaxConcurrentWorkflowTasks(7)
                        .build());
        worker.registerWorkflowImplementationTypes(WorkerTests.GreeterImpl.class);
        worker.registerActivitiesImplementations(new WorkerTests.GreetingsImpl());
        return worker;
    }

    @Test
    void beforeItStartsAWorkerHasNoPollers() {
        Worker worker = start("http://127.0.0.1:9");

        assertThat(worker.getStatus().started()).isFalse();
        assertThat(worker.getStatus().pollers()).isEmpty();
        assertThat(worker.getStatus().hasPolledSuccessfully()).isFalse();
    }

    @Test
    void pollsAnsweredWithNoTaskAreSuccessful() throws Exception {
        try (FakeFrontend frontend = new FakeFrontend()) {
            frontend.route("POST", NS + "/task-queues/greetings/workflow-tasks/poll", r -> Answer.empty(204))
                    .route("POST", NS + "/task-queues/greetings/activity-tasks/poll", r -> Answer.empty(204))
                    .route("POST", NS + "/task-queues/greetings/polls/cancel", r -> Answer.empty(204));
            Instant before = Instant.now();
            Worker worker = start(frontend.target());
            factory.start();

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> worker.getStatus().hasPolledSuccessfully());
            WorkerStatus status = worker.getStatus();
            assertThat(status.taskQueue()).isEqualTo("greetings");
            assertThat(status.started()).isTrue();
            assertThat(status.pollers())
                    .extracting(PollerStatus::kind)
                    .containsExactly(TaskKind.WORKFLOW, TaskKind.ACTIVITY);
            PollerStatus workflow = status.pollers().getFirst();
            assertThat(workflow.pollers()).isEqualTo(2);
            assertThat(workflow.maxConcurrentTasks()).isEqualTo(7);
            assertThat(workflow.slotsUsed()).isBetween(0, 2);
            assertThat(workflow.slotsAvailable()).isEqualTo(7 - workflow.slotsUsed());
            assertThat(workflow.lastSuccessfulPoll()).isAfterOrEqualTo(before);
            assertThat(workflow.consecutiveFailures()).isZero();
            assertThat(workflow.failingSince()).isNull();
            factory.shutdown();
            assertThat(worker.getStatus().started()).isFalse();
        }
    }

    @Test
    void pollsThatCannotReachTheServerCountAsFailures() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort(); // closed again: nothing listens there
        }
        Instant before = Instant.now();
        Worker worker = start("http://127.0.0.1:" + port);
        factory.start();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> worker.getStatus().pollers().stream().allMatch(p -> p.consecutiveFailures() >= 2));
        PollerStatus activity = worker.getStatus().pollers().get(1);
        assertThat(activity.lastSuccessfulPoll()).isNull();
        assertThat(activity.failingSince()).isAfterOrEqualTo(before);
        assertThat(activity.lastError()).isNotBlank();
        assertThat(worker.getStatus().hasPolledSuccessfully()).isFalse();
        assertThat(worker.getStatus().hasReachedServer()).isFalse();
    }

    @Test
    void pollsTheServerHoldsReachItBeforeTheyAreAnswered() throws Exception {
        try (FakeFrontend frontend = new FakeFrontend()) {
            Answer held = Answer.empty(204);
            frontend.route("POST", NS + "/task-queues/greetings/workflow-tasks/poll", r -> hold(held))
                    .route("POST", NS + "/task-queues/greetings/activity-tasks/poll", r -> hold(held))
                    .route("POST", NS + "/task-queues/greetings/polls/cancel", r -> Answer.empty(204));
            Worker worker = start(frontend.target());
            factory.start();
            assertThat(worker.getStatus().hasReachedServer()).isFalse();

            // a long poll on an idle queue: held by the server, answered only after its poll timeout
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> worker.getStatus().hasReachedServer());
            assertThat(worker.getStatus().hasPolledSuccessfully()).isFalse();
            assertThat(worker.getStatus().pollers()).allMatch(p -> p.consecutiveFailures() == 0);
        }
    }

    private static Answer hold(Answer answer) {
        try {
            Thread.sleep(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return answer;
    }
}
