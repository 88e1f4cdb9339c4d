package io.perdura.sdk.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.perdura.common.api.ActivityTask;
import io.perdura.common.api.StartWorkflowResponse;
import io.perdura.common.api.TaskToken;
import io.perdura.common.json.Json;
import io.perdura.sdk.activity.ActivityInterface;
import io.perdura.sdk.client.WorkflowClient;
import io.perdura.sdk.client.WorkflowClientOptions;
import io.perdura.sdk.client.WorkflowOptions;
import io.perdura.sdk.common.interceptors.TenantInterceptor;
import io.perdura.sdk.fake.FakeFrontend;
import io.perdura.sdk.fake.FakeFrontend.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Interceptors against the fake frontend (ADR 26): the client interceptor's start header goes out
 * with the start and with signal-with-start, and an activity task's header reaches the activity
 * interceptor.
 */
class InterceptorWorkerTests {

    private static final String NS = "/api/v1/namespaces/default";
    private static final String POLL = NS + "/task-queues/billing/activity-tasks/poll";
    private static final String COMPLETE = NS + "/activity-tasks/complete";
    private static final Instant SCHEDULED = Instant.parse("2026-01-01T00:00:00Z");

    @ActivityInterface
    public interface Billing {
        String charge(String customer);
    }

    public static class BillingImpl implements Billing {
        @Override
        public String charge(String customer) {
            return "charged " + customer;
        }
    }

    private final TenantInterceptor interceptor = new TenantInterceptor();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final BlockingQueue<ActivityTask> tasks = new LinkedBlockingQueue<>();
    private FakeFrontend frontend;
    private WorkflowClient client;
    private WorkerFactory factory;

    @BeforeEach
    void start() throws Exception {
        frontend = new FakeFrontend();
        frontend.route("POST", POLL, r -> WorkerTests.next(tasks))
                .route("POST", NS + "/task-queues/billing/polls/cancel", r -> Answer.empty(204))
                .route("POST", COMPLETE, r -> Answer.empty(204))
                .route("POST", NS + "/workflows/t-1", r -> Answer.json(201, new StartWorkflowResponse("t-1", "run-1")))
                .route("POST", NS + "/workflows/t-3/signal/poke", r -> Answer.empty(204))
                .route(
                        "POST",
                        NS + "/workflows/t-2/signal-with-start/poke",
                        r -> Answer.json(201, new StartWorkflowResponse("t-2", "run-2")));
        client = WorkflowClient.newInstance(WorkflowClientOptions.builder()
                .setTarget(frontend.target())
                .setInterceptors(interceptor)
                .setMeterRegistry(registry)
                .build());
        factory = WorkerFactory.newInstance(
                client,
                WorkerFactoryOptions.newBuilder()
                        .setWorkerInterceptors(interceptor)
                        .setMeterRegistry(registry)
                        .build());
        factory.newWorker("billing").registerActivitiesImplementations(new BillingImpl());
        factory.start();
    }

    @AfterEach
    void stop() {
        factory.shutdownNow();
        assertThat(factory.awaitTermination(Duration.ofSeconds(10))).isTrue();
        frontend.close();
    }

    private static WorkflowOptions options(String workflowId) {
        return WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue("samples")
                .build();
    }

    @Test
    void theClientInterceptorsHeaderGoesOutWithASignal() {
        client.newUntypedWorkflowStub("t-3").signal("poke", "!");

        assertThat(frontend.requests(NS + "/workflows/t-3/signal/poke")
                        .getFirst()
                        .body()
                        .get("header"))
                .isEqualTo(Json.tree(Map.of("tenant", "acme")));
    }

    @Test
    void theClientInterceptorsHeaderGoesOutWithTheStartAndWithSignalWithStart() {
        client.newUntypedWorkflowStub("Tenanted", options("t-1")).start("ada");
        client.newUntypedWorkflowStub("Tenanted", options("t-2"))
                .signalWithStart("poke", new Object[] {"!"}, new Object[] {"ada"});

        var tenant = Json.tree(Map.of("tenant", "acme"));
        assertThat(frontend.requests(NS + "/workflows/t-1").getFirst().body().get("header"))
                .isEqualTo(tenant);
        assertThat(frontend.requests(NS + "/workflows/t-2/signal-with-start/poke")
                        .getFirst()
                        .body()
                        .get("header"))
                .isEqualTo(tenant);
        var start = registry.find("perdura.request")
                .tags("namespace", "default", "operation", "StartWorkflowExecution")
                .counter();
        assertThat(start).isNotNull();
        assertThat(start.count()).isEqualTo(1);
        assertThat(registry.find("perdura.request.latency")
                        .tag("operation", "SignalWithStartWorkflowExecution")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(registry.find("perdura.request.failure").counter()).isNull();
    }

    @Test
    void anActivityTasksHeaderReachesTheActivityInterceptorAndItsRunIsMeasured() {
        String token =
                new TaskToken(TaskToken.Kind.ACTIVITY, "default", "wf-1", "run-1", "billing", 5, 0, 1, null).encode();
        tasks.add(new ActivityTask(
                token,
                "default",
                "wf-1",
                "run-1",
                "Tenanted",
                "1",
                "Charge",
                "billing",
                Json.array("ada"),
                1,
                SCHEDULED,
                SCHEDULED,
                SCHEDULED,
                null,
                Duration.ofSeconds(30),
                null,
                null,
                Json.tree(Map.of("tenant", "acme"))));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !frontend.requests(COMPLETE).isEmpty());
        assertThat(interceptor.activitySaw).containsExactly("Charge:acme");
        assertThat(frontend.requests(COMPLETE).getFirst().body().get("result")).isEqualTo(Json.tree("charged ada"));

        Timer execution = registry.find("perdura.activity.execution.latency").timer();
        assertThat(execution).isNotNull();
        assertThat(execution.count()).isEqualTo(1);
        assertThat(execution.getId().getTags())
                .containsExactlyInAnyOrder(
                        Tag.of("namespace", "default"),
                        Tag.of("task_queue", "billing"),
                        Tag.of("workflow_type", "Tenanted"),
                        Tag.of("activity_type", "Charge"));
        assertThat(registry.find("perdura.activity.schedule.to.start.latency").timer())
                .isNotNull();
        assertThat(registry.find("perdura.activity.task.queue.poll.succeed")
                        .tag("worker_type", "ActivityWorker")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(registry.find("perdura.activity.execution.failed").counter()).isNull();
        assertThat(registry.find("perdura.worker.task.slots.available").gauge()).isNotNull();
        assertThat(registry.getMeters())
                .flatExtracting(m -> m.getId().getTags())
                .extracting(Tag::getKey)
                .doesNotContain("workflow_id", "run_id", "activity_id");
    }
}
