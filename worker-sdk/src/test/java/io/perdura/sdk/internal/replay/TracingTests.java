package io.perdura.sdk.internal.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import brave.Tracing;
import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.B3Propagation;
import brave.propagation.ThreadLocalCurrentTraceContext;
import brave.sampler.Sampler;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.brave.bridge.BraveBaggageManager;
import io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext;
import io.micrometer.tracing.brave.bridge.BravePropagator;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.perdura.common.api.ActivityTask;
import io.perdura.common.api.StartWorkflowResponse;
import io.perdura.common.api.TaskToken;
import io.perdura.common.command.Command;
import io.perdura.common.history.EventAttributes;
import io.perdura.common.json.Json;
import io.perdura.sdk.activity.ActivityInterface;
import io.perdura.sdk.activity.ActivityOptions;
import io.perdura.sdk.client.WorkflowClient;
import io.perdura.sdk.client.WorkflowClientOptions;
import io.perdura.sdk.client.WorkflowOptions;
import io.perdura.sdk.fake.FakeFrontend;
import io.perdura.sdk.fake.FakeFrontend.Answer;
import io.perdura.sdk.tracing.TracingInterceptor;
import io.perdura.sdk.worker.WorkerFactory;
import io.perdura.sdk.worker.WorkerFactoryOptions;
import io.perdura.sdk.workflow.Workflow;
import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The tracing interceptor (ADR 26) with micrometer-tracing over Brave (B3 single-header propagation): the client's StartWorkflow span is the parent of the run's RunWorkflow span, which is
 * the parent of the activity's StartActivity span, which is the parent of the worker's RunActivity
 * span, all in one trace carried by the headers; a replay makes no spans.
 */
class TracingTests {

    private static final String NS = "/api/v1/namespaces/default";
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @ActivityInterface
    public interface Ledger {
        String post(String entry);
    }

    public static class LedgerImpl implements Ledger {
        @Override
        public String post(String entry) {
            return "posted " + entry;
        }
    }

    @WorkflowInterface
    public interface Booking {
        @WorkflowMethod(name = "Booking")
        String book(String entry);
    }

    public static class BookingImpl implements Booking {
        private final Ledger ledger = Workflow.newActivityStub(
                Ledger.class,
                ActivityOptions.newBuilder()
                        .setStartToCloseTimeout(Duration.ofSeconds(5))
                        .build());

        @Override
        public String book(String entry) {
            return ledger.post(entry);
        }
    }

    private final List<MutableSpan> spans = new CopyOnWriteArrayList<>();
    private final Tracing brave = Tracing.newBuilder()
            .localServiceName("tests")
            .sampler(Sampler.ALWAYS_SAMPLE)
            .currentTraceContext(ThreadLocalCurrentTraceContext.create())
            .propagationFactory(B3Propagation.newFactoryBuilder()
                    .injectFormat(B3Propagation.Format.SINGLE)
                    .build())
            .addSpanHandler(new SpanHandler() {
                @Override
                public boolean end(brave.propagation.TraceContext context, MutableSpan span, Cause cause) {
                    spans.add(span);
                    return true;
                }
            })
            .build();
    private final ObservationRegistry observations = ObservationRegistry.create();
    private final TracingInterceptor tracing = new TracingInterceptor(observations);
    private FakeFrontend frontend;
    private WorkerFactory factory;

    TracingTests() {
        BraveTracer tracer = new BraveTracer(
                brave.tracer(), new BraveCurrentTraceContext(brave.currentTraceContext()), new BraveBaggageManager());
        BravePropagator propagator = new BravePropagator(brave);
        observations
                .observationConfig()
                .observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
                        new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
                        new PropagatingReceiverTracingObservationHandler<>(tracer, propagator),
                        new DefaultTracingObservationHandler(tracer)));
    }

    @AfterEach
    void stop() {
        if (factory != null) {
            factory.shutdownNow();
            factory.awaitTermination(Duration.ofSeconds(10));
        }
        if (frontend != null) {
            frontend.close();
        }
        brave.close();
    }

    private MutableSpan span(String name) {
        return spans.stream()
                .filter(s -> name.equalsIgnoreCase(s.name()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " in " + spans));
    }

    private static HistoryBuilder started(JsonNode header) {
        HistoryBuilder builder = new HistoryBuilder();
        builder.add(new EventAttributes.WorkflowExecutionStarted(
                "Booking",
                "samples",
                Json.array("rent"),
                null,
                null,
                Duration.ofSeconds(10),
                "r1",
                "client",
                null,
                null,
                0,
                null,
                null,
                null,
                null,
                null,
                null,
                1,
                null,
                null,
                null,
                null,
                null,
                header));
        return builder;
    }

    @Test
    void theActivitysSpanIsAChildOfTheClientsStartThroughTheWorkflow() throws Exception {
        BlockingQueue<ActivityTask> tasks = new LinkedBlockingQueue<>();
        frontend = new FakeFrontend();
        frontend.route("POST", NS + "/workflows/b-1", r -> Answer.json(201, new StartWorkflowResponse("b-1", "run-1")))
                .route("POST", NS + "/task-queues/ledger/activity-tasks/poll", r -> {
                    try {
                        ActivityTask task = tasks.poll(200, TimeUnit.MILLISECONDS);
                        return task == null ? Answer.empty(204) : Answer.json(200, task);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return Answer.empty(204);
                    }
                })
                .route("POST", NS + "/task-queues/ledger/polls/cancel", r -> Answer.empty(204))
                .route("POST", NS + "/activity-tasks/complete", r -> Answer.empty(204));
        WorkflowClient client = WorkflowClient.newInstance(WorkflowClientOptions.newBuilder()
                .setTarget(frontend.target())
                .setInterceptors(tracing)
                .build());

        // the client starts the workflow
        client.newUntypedWorkflowStub(
                        "Booking",
                        WorkflowOptions.newBuilder()
                                .setWorkflowId("b-1")
                                .setTaskQueue("samples")
                                .build())
                .start("rent");
        JsonNode startHeader =
                frontend.requests(NS + "/workflows/b-1").getFirst().body().get("header");
        MutableSpan start = span("StartWorkflow:Booking");
        assertThat(startHeader.get("b3").asString()).startsWith(start.traceId() + "-" + start.id());

        // the workflow runs its first task: it schedules the activity
        HistoryBuilder history = started(startHeader);
        long completed = history.completedTask();
        WorkflowRun run =
                ReplayTestSupport.newRun(BookingImpl.class, history.build()).withInterceptors(List.of(tracing));
        var first = run.processWorkflowTask(history.build().subList(0, 3));
        var schedule = (Command.ScheduleActivityTask)
                ((WorkflowTaskResult.Completed) first).commands().getFirst();
        MutableSpan startActivity = span("StartActivity:Post");
        assertThat(schedule.header().get("b3").asString())
                .startsWith(startActivity.traceId() + "-" + startActivity.id());

        // a worker runs the activity
        factory = WorkerFactory.newInstance(
                client,
                WorkerFactoryOptions.newBuilder().setWorkerInterceptors(tracing).build());
        factory.newWorker("ledger").registerActivitiesImplementations(new LedgerImpl());
        factory.start();
        String token =
                new TaskToken(TaskToken.Kind.ACTIVITY, "default", "b-1", "run-1", "ledger", 5, 0, 1, null).encode();
        tasks.add(new ActivityTask(
                token,
                "default",
                "b-1",
                "run-1",
                "Booking",
                "1",
                "Post",
                "ledger",
                Json.array("rent"),
                1,
                T,
                T,
                T,
                null,
                Duration.ofSeconds(30),
                null,
                null,
                schedule.header()));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> spans.stream().anyMatch(s -> "RunActivity:Post".equalsIgnoreCase(s.name())));

        // the workflow completes with the activity's result: its run's span ends
        long scheduled = history.add(new EventAttributes.ActivityTaskScheduled(
                "1", "Post", "samples", Json.array("rent"), null, null, Duration.ofSeconds(5), null, null, completed));
        history.activityCompleted(scheduled, "posted rent");
        history.startTask();
        var second = run.processWorkflowTask(history.build());
        assertThat(((WorkflowTaskResult.Completed) second).commands())
                .singleElement()
                .isInstanceOf(Command.CompleteWorkflowExecution.class);

        MutableSpan runWorkflow = span("RunWorkflow:Booking");
        MutableSpan runActivity = span("RunActivity:Post");
        assertThat(runWorkflow.parentId()).isEqualTo(start.id());
        assertThat(startActivity.parentId()).isEqualTo(runWorkflow.id());
        assertThat(runActivity.parentId()).isEqualTo(startActivity.id());
        assertThat(List.of(runWorkflow, startActivity, runActivity))
                .extracting(MutableSpan::traceId)
                .containsOnly(start.traceId());
        assertThat(spans)
                .filteredOn(s -> s.name().equalsIgnoreCase("RunWorkflow:Booking"))
                .hasSize(1);
        run.destroy();
    }

    @Test
    void aReplayMakesNoSpans() {
        HistoryBuilder history = started(null);
        long completed = history.completedTask();
        long scheduled = history.add(new EventAttributes.ActivityTaskScheduled(
                "1", "Post", "samples", Json.array("rent"), null, null, Duration.ofSeconds(5), null, null, completed));
        history.activityCompleted(scheduled, "posted rent");
        long second = history.completedTask();
        history.record(List.of(new Command.CompleteWorkflowExecution(Json.tree("posted rent"))), second);

        WorkflowRun run =
                ReplayTestSupport.newRun(BookingImpl.class, history.build()).withInterceptors(List.of(tracing));

        assertThat(run.replay(history.build())).isNull();
        assertThat(spans).isEmpty();
    }

    @Test
    void aRunThatLeavesTheCacheEndsItsSpan() {
        HistoryBuilder history = started(null);
        history.startTask();
        WorkflowRun run =
                ReplayTestSupport.newRun(BookingImpl.class, history.build()).withInterceptors(List.of(tracing));
        assertThat(run.processWorkflowTask(history.build())).isInstanceOf(WorkflowTaskResult.Completed.class);
        assertThat(spans).noneMatch(s -> "RunWorkflow:Booking".equalsIgnoreCase(s.name()));

        run.destroy();

        assertThat(run.liveCoroutines()).isZero();
        assertThat(span("RunWorkflow:Booking").error()).isNull();
    }
}
