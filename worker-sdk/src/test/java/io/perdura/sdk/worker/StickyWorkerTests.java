package io.perdura.sdk.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.perdura.common.api.HistoryPage;
import io.perdura.common.api.TaskToken;
import io.perdura.common.api.WorkflowTask;
import io.perdura.common.history.HistoryEvent;
import io.perdura.sdk.client.WorkflowClient;
import io.perdura.sdk.client.WorkflowClientOptions;
import io.perdura.sdk.fake.FakeFrontend;
import io.perdura.sdk.fake.FakeFrontend.Answer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A worker's sticky queue (ADR 28): what it asks for, and the partial histories it is sent. */
class StickyWorkerTests {

    private static final String NS = "/api/v1/namespaces/default";

    private final BlockingQueue<WorkflowTask> workflowTasks = new LinkedBlockingQueue<>();
    private final BlockingQueue<WorkflowTask> stickyTasks = new LinkedBlockingQueue<>();
    private FakeFrontend frontend;
    private WorkerFactory factory;
    private Worker worker;

    @BeforeEach
    void start() throws Exception {
        frontend = new FakeFrontend();
        frontend.route("POST", NS + "/task-queues/greetings/workflow-tasks/poll", r -> WorkerTests.next(workflowTasks))
                .route("POST", NS + "/workflow-tasks/complete", r -> Answer.empty(204))
                .route("POST", NS + "/workflow-tasks/fail", r -> Answer.empty(204))
                .route("POST", NS + "/task-queues/greetings/polls/cancel", r -> Answer.empty(204));
        factory = WorkerFactory.newInstance(WorkflowClient.newInstance(WorkflowClientOptions.builder()
                .setTarget(frontend.target())
                .setIdentity("worker-test")
                .build()));
        worker = factory.newWorker(
                "greetings",
                WorkerOptions.builder()
                        .setWorkflowPollers(2)
                        .setStickyQueueScheduleToStartTimeout(Duration.ofSeconds(3))
                        .build());
        worker.registerWorkflowImplementationTypes(WorkerTests.GreeterImpl.class);
        String sticky = URLEncoder.encode(worker.getStickyTaskQueue(), StandardCharsets.UTF_8);
        frontend.route(
                        "POST",
                        NS + "/task-queues/" + sticky + "/workflow-tasks/poll",
                        r -> WorkerTests.next(stickyTasks))
                .route("POST", NS + "/task-queues/" + sticky + "/polls/cancel", r -> Answer.empty(204));
        factory.start();
    }

    @AfterEach
    void stop() {
        factory.shutdownNow();
        assertThat(factory.awaitTermination(Duration.ofSeconds(10))).isTrue();
        frontend.close();
    }

    @Test
    void aCachedRunsNextTaskCarriesOnlyTheNewEvents() {
        assertThat(worker.getStickyTaskQueue()).startsWith("worker-test:");
        workflowTasks.add(task(3, "run-1", WorkerTests.firstTask()));
        FakeFrontend.Request first = completion(1);
        assertThat(first.body().get("stickyAttributes").get("workerTaskQueue").asString())
                .isEqualTo(worker.getStickyTaskQueue());
        assertThat(first.body()
                        .get("stickyAttributes")
                        .get("scheduleToStartTimeout")
                        .asString())
                .isEqualTo("3s");
        await().atMost(Duration.ofSeconds(5)).until(() -> worker.getCachedWorkflowCount() == 1);

        stickyTasks.add(task(9, "run-1", newEvents()));

        assertThat(completion(2)
                        .body()
                        .get("commands")
                        .get(0)
                        .get("commandType")
                        .asString())
                .isEqualTo("CompleteWorkflowExecution");
        assertThat(frontend.requests(NS + "/workflows/wf-1/history")).isEmpty();
    }

    @Test
    void aStickyTaskWhoseRunIsNotCachedReadsTheWholeHistory() {
        frontend.route(
                "GET",
                NS + "/workflows/wf-1/history",
                r -> Answer.json(200, new HistoryPage(WorkerTests.secondTask(), null)));

        stickyTasks.add(task(9, "run-2", newEvents()));

        assertThat(completion(1)
                        .body()
                        .get("commands")
                        .get(0)
                        .get("commandType")
                        .asString())
                .isEqualTo("CompleteWorkflowExecution");
        assertThat(frontend.requests(NS + "/workflows/wf-1/history"))
                .singleElement()
                .satisfies(r -> assertThat(r.query()).contains("runId=run-2"));
    }

    /** Events 4..9 of {@link WorkerTests#secondTask}: after the first task's WorkflowTaskStarted. */
    private static List<HistoryEvent> newEvents() {
        List<HistoryEvent> all = WorkerTests.secondTask();
        return List.copyOf(all.subList(3, all.size()));
    }

    private static WorkflowTask task(long startedEventId, String runId, List<HistoryEvent> history) {
        return new WorkflowTask(
                WorkerTests.token(TaskToken.Kind.WORKFLOW, startedEventId), "wf-1", runId, "Hello", 1, history, null);
    }

    private FakeFrontend.Request completion(int count) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> frontend.requests(NS + "/workflow-tasks/complete").size() == count);
        return frontend.requests(NS + "/workflow-tasks/complete").get(count - 1);
    }
}
