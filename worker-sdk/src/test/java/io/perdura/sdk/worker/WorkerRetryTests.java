package io.perdura.sdk.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.perdura.common.api.ActivityTask;
import io.perdura.common.api.TaskToken;
import io.perdura.common.api.WorkflowTask;
import io.perdura.common.json.Json;
import io.perdura.sdk.client.RpcRetryOptions;
import io.perdura.sdk.client.WorkflowClient;
import io.perdura.sdk.client.WorkflowClientOptions;
import io.perdura.sdk.fake.FakeFrontend;
import io.perdura.sdk.fake.FakeFrontend.Answer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Task answers and heartbeats go through transient server failures; shutdown does not wait for them. */
class WorkerRetryTests {

    private static final String NS = "/api/v1/namespaces/default";
    private static final String WORKFLOW_COMPLETE = NS + "/workflow-tasks/complete";
    private static final String ACTIVITY_COMPLETE = NS + "/activity-tasks/complete";
    private static final String ACTIVITY_FAIL = NS + "/activity-tasks/fail";
    private static final String HEARTBEAT = NS + "/activity-tasks/heartbeat";
    private static final Answer UNAVAILABLE = Answer.problem(503, "unavailable", "history shard moving");
    private static final Answer TIMED_OUT = Answer.problem(504, "timeout", "history did not answer");
    private static final Answer RATE_LIMITED = Answer.problem(429, "rate-limited", "slow down");
    private static final Answer TASK_NOT_FOUND = Answer.problem(404, "task-not-found", "task is not current");
    private static final RpcRetryOptions QUICK = RpcRetryOptions.builder()
            .setInitialInterval(Duration.ofMillis(50))
            .setMaximumInterval(Duration.ofMillis(200))
            .build();

    private final BlockingQueue<WorkflowTask> workflowTasks = new LinkedBlockingQueue<>();
    private final BlockingQueue<ActivityTask> activityTasks = new LinkedBlockingQueue<>();
    private FakeFrontend frontend;
    private WorkerFactory factory;

    @BeforeEach
    void routes() throws Exception {
        frontend = new FakeFrontend();
        frontend.route("POST", NS + "/task-queues/greetings/workflow-tasks/poll", r -> WorkerTests.next(workflowTasks))
                .route("POST", NS + "/task-queues/greetings/activity-tasks/poll", r -> WorkerTests.next(activityTasks))
                .route("POST", NS + "/task-queues/greetings/polls/cancel", r -> Answer.empty(204));
    }

    private void startWorker(RpcRetryOptions retry) {
        WorkflowClient client = WorkflowClient.newInstance(WorkflowClientOptions.builder()
                .setTarget(frontend.target())
                .setIdentity("worker-test")
                .setRpcRetryOptions(retry)
                .build());
        factory = WorkerFactory.newInstance(client);
        Worker worker = factory.newWorker(
                "greetings",
                WorkerOptions.builder()
                        .setWorkflowPollers(1)
                        .setActivityPollers(1)
                        .build());
        worker.registerWorkflowImplementationTypes(WorkerTests.GreeterImpl.class);
        worker.registerActivitiesImplementations(new WorkerTests.GreetingsImpl());
        factory.start();
    }

    @AfterEach
    void stop() {
        if (factory != null) {
            factory.shutdownNow();
            assertThat(factory.awaitTermination(Duration.ofSeconds(10))).isTrue();
        }
        frontend.close();
    }

    private static WorkflowTask workflowTask() {
        return new WorkflowTask(
                WorkerTests.token(TaskToken.Kind.WORKFLOW, 3),
                "wf-1",
                "run-1",
                "Hello",
                1,
                WorkerTests.firstTask(),
                null);
    }

    /** Waits until {@code path} got {@code count} requests, then checks that no more come. */
    private void awaitExactly(String path, int count) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> frontend.requests(path).size() >= count);
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(2))
                .until(() -> frontend.requests(path).size() == count);
    }

    @Test
    void aWorkflowTaskAnswerArrivesOnceAfterTwoUnavailableAnswers() {
        frontend.route("POST", WORKFLOW_COMPLETE, FakeFrontend.inTurn(UNAVAILABLE, UNAVAILABLE, Answer.empty(204)));
        startWorker(QUICK);

        workflowTasks.add(workflowTask());

        awaitExactly(WORKFLOW_COMPLETE, 3);
        assertThat(frontend.requests(WORKFLOW_COMPLETE))
                .extracting(r -> r.body().get("taskToken").asString())
                .containsOnly(WorkerTests.token(TaskToken.Kind.WORKFLOW, 3));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> factory.getWorker("greetings").getCachedWorkflowCount() == 1);
    }

    @Test
    void activityResultsAndFailuresAreRetriedThroughTimeoutsAndRateLimits() {
        frontend.route("POST", ACTIVITY_COMPLETE, FakeFrontend.inTurn(UNAVAILABLE, TIMED_OUT, Answer.empty(204)))
                .route("POST", ACTIVITY_FAIL, FakeFrontend.inTurn(RATE_LIMITED, Answer.empty(204)));
        startWorker(QUICK);

        activityTasks.add(WorkerTests.activityTask("Compose", 1));
        activityTasks.add(WorkerTests.activityTask("Explode", 1));

        awaitExactly(ACTIVITY_COMPLETE, 3);
        awaitExactly(ACTIVITY_FAIL, 2);
        assertThat(frontend.requests(ACTIVITY_COMPLETE))
                .extracting(r -> r.body().get("result").asString())
                .containsOnly("Hello, World! (attempt 1)");
        assertThat(frontend.requests(ACTIVITY_FAIL))
                .extracting(r -> r.body().get("failure").get("type").asString())
                .containsOnly("Unwelcome");
    }

    @Test
    void heartbeatsAreRetriedBeforeTheActivityGoesOn() {
        frontend.route(
                        "POST",
                        HEARTBEAT,
                        FakeFrontend.inTurn(
                                UNAVAILABLE, Answer.json(200, Json.read("{\"cancelRequested\":false}", Object.class))))
                .route("POST", ACTIVITY_COMPLETE, r -> Answer.empty(204));
        startWorker(QUICK);

        activityTasks.add(WorkerTests.activityTask("Beat", 1));

        awaitExactly(ACTIVITY_COMPLETE, 1);
        assertThat(frontend.requests(HEARTBEAT))
                .hasSize(2)
                .extracting(r -> r.body().get("details").asInt())
                .containsOnly(1);
    }

    @Test
    void taskNotFoundIsNotRetried() {
        frontend.route("POST", WORKFLOW_COMPLETE, r -> TASK_NOT_FOUND)
                .route("POST", ACTIVITY_COMPLETE, r -> TASK_NOT_FOUND);
        startWorker(QUICK);

        workflowTasks.add(workflowTask());
        activityTasks.add(WorkerTests.activityTask("Compose", 1));

        awaitExactly(WORKFLOW_COMPLETE, 1);
        awaitExactly(ACTIVITY_COMPLETE, 1);
        assertThat(factory.getWorker("greetings").getCachedWorkflowCount())
                .as("an answer the server refused leaves no run cached")
                .isZero();
    }

    @Test
    void taskNotFoundAfterAnUnansweredAttemptMeansTheAnswerWasRecorded() {
        frontend.route("POST", WORKFLOW_COMPLETE, FakeFrontend.inTurn(TIMED_OUT, TASK_NOT_FOUND));
        startWorker(QUICK);

        workflowTasks.add(workflowTask());

        awaitExactly(WORKFLOW_COMPLETE, 2);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> factory.getWorker("greetings").getCachedWorkflowCount() == 1);
    }

    @Test
    void taskNotFoundAfterOnlyARateLimitIsNotTakenForARecordedAnswer() {
        frontend.route("POST", WORKFLOW_COMPLETE, FakeFrontend.inTurn(RATE_LIMITED, TASK_NOT_FOUND));
        startWorker(QUICK);

        workflowTasks.add(workflowTask());

        awaitExactly(WORKFLOW_COMPLETE, 2);
        assertThat(factory.getWorker("greetings").getCachedWorkflowCount()).isZero();
    }

    @Test
    void aStoppingWorkerDoesNotWaitForTheBackoff() {
        frontend.route("POST", ACTIVITY_COMPLETE, r -> UNAVAILABLE);
        startWorker(RpcRetryOptions.builder()
                .setInitialInterval(Duration.ofSeconds(30))
                .setMaximumInterval(Duration.ofSeconds(30))
                .build());
        ActivityTask task = WorkerTests.activityTask("Compose", 1);
        activityTasks.add(new ActivityTask(
                task.taskToken(),
                task.namespace(),
                task.workflowId(),
                task.runId(),
                task.workflowType(),
                task.activityId(),
                task.activityType(),
                task.taskQueue(),
                task.input(),
                task.attempt(),
                task.scheduledTime(),
                task.currentAttemptScheduledTime(),
                task.startedTime(),
                task.scheduleToCloseTimeout(),
                Duration.ofMinutes(10),
                null,
                null));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> frontend.requests(ACTIVITY_COMPLETE).size() == 1);

        long start = System.nanoTime();
        factory.shutdown();

        assertThat(factory.awaitTermination(Duration.ofSeconds(5))).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(frontend.requests(ACTIVITY_COMPLETE)).hasSize(1);
    }
}
