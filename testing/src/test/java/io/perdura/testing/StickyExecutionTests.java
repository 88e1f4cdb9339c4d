package io.perdura.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.perdura.common.api.HistoryPage;
import io.perdura.common.history.EventAttributes.WorkflowTaskStarted;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import io.perdura.sdk.client.WorkflowClient;
import io.perdura.sdk.client.WorkflowClientOptions;
import io.perdura.sdk.client.WorkflowOptions;
import io.perdura.sdk.client.WorkflowStub;
import io.perdura.sdk.worker.Worker;
import io.perdura.sdk.worker.WorkerFactory;
import io.perdura.sdk.worker.WorkerOptions;
import io.perdura.testing.fixtures.EchoNotifier;
import io.perdura.testing.fixtures.StepsWorkflow;
import io.perdura.testing.fixtures.StepsWorkflowImpl;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Sticky execution end to end (ADR 28): two workers with their own identities poll one task queue
 * of one server; a run's workflow tasks stay with the worker that took its first task, and when
 * that worker stops holding the run, the other one finishes it within about the sticky timeout.
 */
class StickyExecutionTests {

    private static final String QUEUE = "steps";
    private static final int STEPS = 8;

    @Test
    void aRunsTasksStayWithOneWorkerAndMoveToTheOtherWhenItStops() throws Exception {
        TestEnvironmentOptions options =
                TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build();
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(options)) {
            WorkerFactory alpha = factory(env, "alpha");
            WorkerFactory beta = factory(env, "beta");
            try {
                String workflowId = "sticky-" + UUID.randomUUID();
                StepsWorkflow workflow = env.getWorkflowClient()
                        .newWorkflowStub(
                                StepsWorkflow.class,
                                WorkflowOptions.newBuilder()
                                        .setTaskQueue(QUEUE)
                                        .setWorkflowId(workflowId)
                                        .build());
                WorkflowClient.start(workflow::run, STEPS);
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> workflowTaskIdentities(env, workflowId).size() == STEPS + 1);

                List<String> before = workflowTaskIdentities(env, workflowId);
                String holder = before.getFirst();
                assertThat(before)
                        .as("every task of the run went to the worker that took its first")
                        .containsOnly(holder);

                WorkerFactory stopped = holder.equals("alpha") ? alpha : beta;
                String other = holder.equals("alpha") ? "beta" : "alpha";
                stopped.shutdownNow();
                assertThat(stopped.awaitTermination(Duration.ofSeconds(10))).isTrue();

                long signalled = System.nanoTime();
                workflow.proceed();
                WorkflowStub untyped = env.getWorkflowClient().newUntypedWorkflowStub(workflowId);
                assertThat(untyped.getResult(Duration.ofSeconds(30), Integer.class))
                        .isEqualTo(2 * STEPS);
                Duration takeover = Duration.ofNanos(System.nanoTime() - signalled);

                List<String> after = workflowTaskIdentities(env, workflowId).subList(STEPS + 1, 2 * STEPS + 2);
                assertThat(after).containsOnly(other);
                // one sticky schedule-to-start timeout (1 s) and the activities, not the workflow task timeout
                assertThat(takeover).isLessThan(Duration.ofSeconds(8));
            } finally {
                alpha.shutdownNow();
                beta.shutdownNow();
                alpha.awaitTermination(Duration.ofSeconds(10));
                beta.awaitTermination(Duration.ofSeconds(10));
            }
        }
    }

    /** A worker that goes away holding sticky runs (its polls just stop): they all finish on the other one. */
    @Test
    void theRunsAStoppedWorkerHeldFinishOnTheOther() throws Exception {
        TestEnvironmentOptions options =
                TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build();
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(options)) {
            WorkerFactory alpha = factory(env, "alpha");
            WorkerFactory beta = null;
            try {
                List<String> workflowIds = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    String workflowId = "held-" + i + "-" + UUID.randomUUID();
                    workflowIds.add(workflowId);
                    WorkflowClient.start(
                            env.getWorkflowClient()
                                    .newWorkflowStub(
                                            StepsWorkflow.class,
                                            WorkflowOptions.newBuilder()
                                                    .setTaskQueue(QUEUE)
                                                    .setWorkflowId(workflowId)
                                                    .build())::run,
                            2);
                }
                for (String workflowId : workflowIds) {
                    await().atMost(Duration.ofSeconds(30))
                            .until(() -> workflowTaskIdentities(env, workflowId).size() == 3);
                }
                beta = factory(env, "beta");
                alpha.shutdownNow();
                assertThat(alpha.awaitTermination(Duration.ofSeconds(10))).isTrue();

                long signalled = System.nanoTime();
                for (String workflowId : workflowIds) {
                    env.getWorkflowClient().newUntypedWorkflowStub(workflowId).signal("proceed");
                }
                for (String workflowId : workflowIds) {
                    assertThat(env.getWorkflowClient()
                                    .newUntypedWorkflowStub(workflowId)
                                    .getResult(Duration.ofSeconds(30), Integer.class))
                            .isEqualTo(4);
                    List<String> identities = workflowTaskIdentities(env, workflowId);
                    assertThat(identities.subList(0, 3)).containsOnly("alpha");
                    assertThat(identities.subList(3, identities.size())).containsOnly("beta");
                }
                assertThat(Duration.ofNanos(System.nanoTime() - signalled)).isLessThan(Duration.ofSeconds(10));
            } finally {
                alpha.shutdownNow();
                alpha.awaitTermination(Duration.ofSeconds(10));
                if (beta != null) {
                    beta.shutdownNow();
                    beta.awaitTermination(Duration.ofSeconds(10));
                }
            }
        }
    }

    private static WorkerFactory factory(TestWorkflowEnvironment env, String identity) {
        WorkflowClient client = WorkflowClient.newInstance(WorkflowClientOptions.newBuilder()
                .setTarget(env.getTarget())
                .setNamespace(env.getNamespace())
                .setIdentity(identity)
                .build());
        WorkerFactory factory = WorkerFactory.newInstance(client);
        Worker worker = factory.newWorker(
                QUEUE,
                WorkerOptions.newBuilder()
                        .setStickyQueueScheduleToStartTimeout(Duration.ofSeconds(1))
                        .build());
        worker.registerWorkflowImplementationTypes(StepsWorkflowImpl.class);
        worker.registerActivitiesImplementations(new EchoNotifier());
        factory.start();
        return factory;
    }

    /** Who started each workflow task of the run, in order. */
    private static List<String> workflowTaskIdentities(TestWorkflowEnvironment env, String workflowId)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<String> identities = new ArrayList<>();
        String token = null;
        do {
            String uri = env.getTarget() + "/api/v1/namespaces/" + env.getNamespace() + "/workflows/" + workflowId
                    + "/history" + (token == null ? "" : "?nextPageToken=" + token);
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(URI.create(uri)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            HistoryPage page = Json.read(response.body(), HistoryPage.class);
            for (HistoryEvent event : page.events()) {
                if (event.attributes() instanceof WorkflowTaskStarted started) {
                    identities.add(started.identity());
                }
            }
            token = page.nextPageToken();
        } while (token != null);
        return identities;
    }
}
