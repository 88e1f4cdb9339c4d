package io.perdura.sdk.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.perdura.common.api.ActivityTask;
import io.perdura.common.api.TaskToken;
import io.perdura.common.json.Json;
import io.perdura.sdk.activity.Activity;
import io.perdura.sdk.activity.ActivityExecutionContext;
import io.perdura.sdk.activity.ActivityInfo;
import io.perdura.sdk.activity.ActivityInterface;
import io.perdura.sdk.client.ActivityCanceledException;
import io.perdura.sdk.client.ActivityCompletionException;
import io.perdura.sdk.client.WorkflowClient;
import io.perdura.sdk.client.WorkflowClientOptions;
import io.perdura.sdk.failure.ApplicationFailure;
import io.perdura.sdk.failure.CanceledFailure;
import io.perdura.sdk.fake.FakeFrontend;
import io.perdura.sdk.fake.FakeFrontend.Answer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Activities on a worker against the fake frontend: heartbeats tell them when to stop (canceled, gone,
 * worker shutting down), are throttled and coalesced, canceled activities are reported canceled, and
 * activities that complete asynchronously are not reported and free their slot.
 */
class ActivityWorkerTests {

    private static final String NS = "/api/v1/namespaces/default";
    private static final String POLL = NS + "/task-queues/chores/activity-tasks/poll";
    private static final String HEARTBEAT = NS + "/activity-tasks/heartbeat";
    private static final String COMPLETE = NS + "/activity-tasks/complete";
    private static final String FAIL = NS + "/activity-tasks/fail";
    private static final String CANCEL = NS + "/activity-tasks/cancel";
    private static final Instant SCHEDULED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Answer GO_ON = Answer.json(200, Map.of("cancelRequested", false));
    private static final Answer CANCEL_REQUESTED = Answer.json(200, Map.of("cancelRequested", true));

    @ActivityInterface
    public interface Chores {
        String cancellable(String name);

        String stopsWithCanceledFailure(String name);

        String cancelsItself(String name);

        String probe(String name);

        String untilShutdown(String name);

        String chatty(String name);

        String chattyThenFails(String name);

        Map<String, Object> describe(String name);

        String async(String name);
    }

    /** What the activities saw, for the test to read. */
    public static final class ChoresImpl implements Chores {
        final BlockingQueue<String> observed = new LinkedBlockingQueue<>();
        final BlockingQueue<byte[]> tokens = new LinkedBlockingQueue<>();
        final CountDownLatch release = new CountDownLatch(1);

        private static ActivityExecutionContext context() {
            return Activity.getExecutionContext();
        }

        @Override
        public String cancellable(String name) {
            for (int i = 0; ; i++) {
                try {
                    context().heartbeat(i);
                } catch (ActivityCompletionException e) {
                    observed.add(e.getClass().getSimpleName());
                    throw e;
                }
            }
        }

        @Override
        public String stopsWithCanceledFailure(String name) {
            try {
                context().heartbeat(name);
                return "not canceled";
            } catch (ActivityCanceledException e) {
                throw new CanceledFailure("stopped cleaning " + name, e);
            }
        }

        @Override
        public String cancelsItself(String name) {
            context().heartbeat(name);
            throw new ActivityCanceledException(context().getInfo());
        }

        @Override
        public String probe(String name) {
            try {
                context().heartbeat(name);
                return "no exception";
            } catch (ActivityCompletionException e) {
                return e.getClass().getSimpleName();
            }
        }

        @Override
        public String untilShutdown(String name) {
            while (true) {
                try {
                    context().heartbeat(name);
                } catch (ActivityCompletionException e) {
                    return e.getClass().getSimpleName();
                }
                pause();
            }
        }

        @Override
        public String chatty(String name) {
            for (int i = 1; i <= 50; i++) {
                context().heartbeat(i);
            }
            awaitRelease();
            return "done";
        }

        @Override
        public String chattyThenFails(String name) {
            context().heartbeat(1);
            context().heartbeat(2);
            context().heartbeat(3);
            throw ApplicationFailure.newFailure("lost the broom", "Broom");
        }

        @Override
        public Map<String, Object> describe(String name) {
            ActivityInfo info = context().getInfo();
            Map<String, Object> seen = new LinkedHashMap<>();
            seen.put("taskToken", new String(info.getTaskToken(), StandardCharsets.US_ASCII));
            seen.put("contextToken", new String(context().getTaskToken(), StandardCharsets.US_ASCII));
            seen.put("workflowId", info.getWorkflowId());
            seen.put("runId", info.getWorkflowRunId());
            seen.put("workflowType", info.getWorkflowType());
            seen.put("activityId", info.getActivityId());
            seen.put("activityType", info.getActivityType());
            seen.put("namespace", info.getNamespace());
            seen.put("taskQueue", info.getActivityTaskQueue());
            seen.put("attempt", info.getAttempt());
            seen.put("scheduled", info.getScheduledTimestamp());
            seen.put("attemptScheduled", info.getCurrentAttemptScheduledTimestamp());
            seen.put("started", info.getStartedTimestamp());
            seen.put("scheduleToClose", info.getScheduleToCloseTimeout().toMillis());
            seen.put("startToClose", info.getStartToCloseTimeout().toMillis());
            seen.put("heartbeatTimeout", info.getHeartbeatTimeout().toMillis());
            seen.put("details", context().getHeartbeatDetails(Integer.class).orElse(-1));
            seen.put("local", info.isLocal());
            return seen;
        }

        @Override
        public String async(String name) {
            tokens.add(context().getTaskToken());
            context().doNotCompleteOnReturn();
            return "not reported";
        }

        private void awaitRelease() {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static void pause() {
            try {
                Thread.sleep(20); // paces the loop; the test waits on what it sends
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private final BlockingQueue<ActivityTask> tasks = new LinkedBlockingQueue<>();
    private final List<Long> heartbeatNanos = new CopyOnWriteArrayList<>();
    private volatile Function<FakeFrontend.Request, Answer> heartbeats = r -> GO_ON;
    private final ChoresImpl chores = new ChoresImpl();
    private FakeFrontend frontend;
    private WorkflowClient client;
    private WorkerFactory factory;

    @BeforeEach
    void start() throws Exception {
        frontend = new FakeFrontend();
        frontend.route("POST", POLL, r -> WorkerTests.next(tasks))
                .route("POST", NS + "/task-queues/chores/polls/cancel", r -> Answer.empty(204))
                .route("POST", COMPLETE, r -> Answer.empty(204))
                .route("POST", FAIL, r -> Answer.empty(204))
                .route("POST", CANCEL, r -> Answer.empty(204))
                .route("POST", HEARTBEAT, r -> {
                    heartbeatNanos.add(System.nanoTime());
                    return heartbeats.apply(r);
                });
        client = WorkflowClient.newInstance(WorkflowClientOptions.builder()
                .setTarget(frontend.target())
                .setIdentity("chores-worker")
                .build());
        factory = WorkerFactory.newInstance(client);
        Worker worker = factory.newWorker(
                "chores",
                WorkerOptions.builder()
                        .setActivityPollers(1)
                        .setMaxConcurrentActivityExecutions(1)
                        .build());
        worker.registerActivitiesImplementations(chores);
        factory.start();
    }

    @AfterEach
    void stop() {
        chores.release.countDown();
        factory.shutdownNow();
        assertThat(factory.awaitTermination(Duration.ofSeconds(10))).isTrue();
        frontend.close();
    }

    private static ActivityTask task(String type, String activityId, Duration heartbeatTimeout) {
        long scheduledEventId = 5 + Math.abs(activityId.hashCode() % 1000);
        String token = new TaskToken(
                        TaskToken.Kind.ACTIVITY, "default", "wf-1", "run-1", "chores", scheduledEventId, 0, 2, null)
                .encode();
        return new ActivityTask(
                token,
                "default",
                "wf-1",
                "run-1",
                "Household",
                activityId,
                type,
                "chores",
                Json.array("kitchen"),
                2,
                SCHEDULED,
                SCHEDULED.plusSeconds(3),
                SCHEDULED.plusSeconds(4),
                Duration.ofMinutes(10),
                Duration.ofSeconds(30),
                heartbeatTimeout,
                Json.tree(41));
    }

    private static ActivityTask task(String type) {
        return task(type, "1", null);
    }

    private void awaitRequests(String path, int count) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> frontend.requests(path).size() >= count);
    }

    private String observed() throws InterruptedException {
        return chores.observed.poll(10, TimeUnit.SECONDS);
    }

    @Test
    void heartbeatThrowsActivityCanceledOnceTheWorkflowAskedAndTheWorkerReportsItCanceled()
            throws InterruptedException {
        heartbeats = r -> CANCEL_REQUESTED;
        ActivityTask task = task("Cancellable");

        tasks.add(task);

        assertThat(observed()).isEqualTo("ActivityCanceledException");
        awaitRequests(CANCEL, 1);
        FakeFrontend.Request cancel = frontend.requests(CANCEL).getFirst();
        assertThat(cancel.body().get("taskToken").asString()).isEqualTo(task.taskToken());
        assertThat(cancel.body().get("identity").asString()).isEqualTo("chores-worker");
        assertThat(frontend.requests(FAIL)).isEmpty();
        assertThat(frontend.requests(HEARTBEAT)).hasSize(1);
    }

    @Test
    void aCanceledFailureAfterTheCancelRequestIsReportedCanceledToo() {
        heartbeats = r -> CANCEL_REQUESTED;

        tasks.add(task("StopsWithCanceledFailure"));

        awaitRequests(CANCEL, 1);
        assertThat(frontend.requests(FAIL)).isEmpty();
        assertThat(frontend.requests(COMPLETE)).isEmpty();
    }

    @Test
    void anActivityCanceledWithoutACancelRequestFails() {
        tasks.add(task("CancelsItself"));

        awaitRequests(FAIL, 1);
        assertThat(frontend.requests(FAIL)
                        .getFirst()
                        .body()
                        .get("failure")
                        .get("type")
                        .asString())
                .isEqualTo(ActivityCanceledException.class.getName());
        assertThat(frontend.requests(CANCEL)).isEmpty();
    }

    @Test
    void heartbeatThrowsActivityNotExistsWhenTheAttemptIsGone() {
        heartbeats = r -> Answer.problem(404, "task-not-found", "task not found or no longer current");

        tasks.add(task("Probe"));

        awaitRequests(COMPLETE, 1);
        assertThat(frontend.requests(COMPLETE).getFirst().body().get("result").asString())
                .isEqualTo("ActivityNotExistsException");
    }

    @Test
    void heartbeatThrowsActivityWorkerShutdownOnceTheWorkerStops() {
        tasks.add(task("UntilShutdown"));
        awaitRequests(HEARTBEAT, 1);

        factory.shutdown();

        awaitRequests(COMPLETE, 1);
        assertThat(frontend.requests(COMPLETE).getFirst().body().get("result").asString())
                .isEqualTo("ActivityWorkerShutdownException");
        assertThat(frontend.requests(HEARTBEAT))
                .as("without a heartbeat timeout, 30 s throttle the later ones")
                .hasSize(1);
    }

    @Test
    void heartbeatsAreThrottledAndTheLatestDetailsSentWhenTheIntervalEnds() {
        tasks.add(task("Chatty", "1", Duration.ofSeconds(1)));

        awaitRequests(HEARTBEAT, 2);
        await().during(Duration.ofMillis(1200))
                .atMost(Duration.ofSeconds(3))
                .until(() -> frontend.requests(HEARTBEAT).size() == 2);

        assertThat(frontend.requests(HEARTBEAT))
                .extracting(r -> r.body().get("details").asInt())
                .containsExactly(1, 50);
        assertThat(Duration.ofNanos(heartbeatNanos.get(1) - heartbeatNanos.get(0)))
                .as("at most one heartbeat per 0.8 x the 1 s heartbeat timeout")
                .isGreaterThanOrEqualTo(Duration.ofMillis(750));
        chores.release.countDown();
        awaitRequests(COMPLETE, 1);
    }

    @Test
    void aFailureCarriesTheLatestHeartbeatDetailsNotSentYet() {
        tasks.add(task("ChattyThenFails", "1", Duration.ofSeconds(1)));

        awaitRequests(FAIL, 1);

        FakeFrontend.Request fail = frontend.requests(FAIL).getFirst();
        assertThat(fail.body().get("lastHeartbeatDetails").asInt()).isEqualTo(3);
        assertThat(fail.body().get("failure").get("type").asString()).isEqualTo("Broom");
        await().during(Duration.ofMillis(1200))
                .atMost(Duration.ofSeconds(3))
                .until(() -> frontend.requests(HEARTBEAT).size() == 1);
        assertThat(frontend.requests(HEARTBEAT).getFirst().body().get("details").asInt())
                .isEqualTo(1);
    }

    @Test
    void theActivityInfoCarriesTheTasksFields() {
        ActivityTask task = task("Describe", "sweep-1", Duration.ofSeconds(20));
        tasks.add(task);

        awaitRequests(COMPLETE, 1);

        var seen = frontend.requests(COMPLETE).getFirst().body().get("result");
        assertThat(seen.get("taskToken").asString()).isEqualTo(task.taskToken());
        assertThat(seen.get("contextToken").asString()).isEqualTo(task.taskToken());
        assertThat(seen.get("workflowId").asString()).isEqualTo("wf-1");
        assertThat(seen.get("runId").asString()).isEqualTo("run-1");
        assertThat(seen.get("workflowType").asString()).isEqualTo("Household");
        assertThat(seen.get("activityId").asString()).isEqualTo("sweep-1");
        assertThat(seen.get("activityType").asString()).isEqualTo("Describe");
        assertThat(seen.get("namespace").asString()).isEqualTo("default");
        assertThat(seen.get("taskQueue").asString()).isEqualTo("chores");
        assertThat(seen.get("attempt").asInt()).isEqualTo(2);
        assertThat(seen.get("scheduled").asLong()).isEqualTo(SCHEDULED.toEpochMilli());
        assertThat(seen.get("attemptScheduled").asLong())
                .isEqualTo(SCHEDULED.plusSeconds(3).toEpochMilli());
        assertThat(seen.get("started").asLong())
                .isEqualTo(SCHEDULED.plusSeconds(4).toEpochMilli());
        assertThat(seen.get("scheduleToClose").asLong()).isEqualTo(600_000);
        assertThat(seen.get("startToClose").asLong()).isEqualTo(30_000);
        assertThat(seen.get("heartbeatTimeout").asLong()).isEqualTo(20_000);
        assertThat(seen.get("details").asInt()).as("the earlier attempt's").isEqualTo(41);
        assertThat(seen.get("local").asBoolean()).isFalse();
    }

    @Test
    void anActivityCompletingAsynchronouslyIsNotReportedAndFreesItsSlot() throws InterruptedException {
        tasks.add(task("Async", "1", null));
        tasks.add(task("Async", "2", null));

        byte[] first = chores.tokens.poll(10, TimeUnit.SECONDS);
        byte[] second = chores.tokens.poll(10, TimeUnit.SECONDS);
        assertThat(second).as("the one slot was freed when the first returned").isNotNull();
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(2))
                .until(() -> frontend.requests(COMPLETE).isEmpty()
                        && frontend.requests(FAIL).isEmpty());

        client.newActivityCompletionClient().complete(first, "swept later");

        FakeFrontend.Request complete = frontend.requests(COMPLETE).getFirst();
        assertThat(complete.body().get("taskToken").asString()).isEqualTo(new String(first, StandardCharsets.US_ASCII));
        assertThat(complete.body().get("result").asString()).isEqualTo("swept later");
        assertThat(second).isNotEqualTo(first);
    }
}
