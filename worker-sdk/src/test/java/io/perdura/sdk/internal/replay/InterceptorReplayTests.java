package io.perdura.sdk.internal.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.perdura.common.command.Command;
import io.perdura.common.history.EventAttributes;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import io.perdura.sdk.activity.ActivityInterface;
import io.perdura.sdk.activity.ActivityOptions;
import io.perdura.sdk.common.interceptors.TenantInterceptor;
import io.perdura.sdk.failure.ApplicationFailure;
import io.perdura.sdk.internal.metrics.SdkMetrics;
import io.perdura.sdk.internal.metrics.WorkerMetrics;
import io.perdura.sdk.workflow.Async;
import io.perdura.sdk.workflow.ChildWorkflowOptions;
import io.perdura.sdk.workflow.Promise;
import io.perdura.sdk.workflow.QueryMethod;
import io.perdura.sdk.workflow.SignalMethod;
import io.perdura.sdk.workflow.Workflow;
import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Worker interceptors in workflow code (ADR 26): the start header reaches the inbound interceptor,
 * the outbound interceptor's headers go into the ScheduleActivityTask and StartChildWorkflowExecution
 * commands, signals and queries pass through the inbound chain, and a replay runs the interceptors
 * again without tripping non-determinism.
 */
class InterceptorReplayTests {

    @ActivityInterface
    public interface Billing {
        String charge(String customer);
    }

    @WorkflowInterface
    public interface Invoice {
        @WorkflowMethod(name = "Invoice")
        String bill(String customer);
    }

    @WorkflowInterface
    public interface Tenanted {
        @WorkflowMethod(name = "Tenanted")
        String run(String customer);

        @SignalMethod
        void poke(String why);

        @QueryMethod
        String pokes();
    }

    public static class TenantedImpl implements Tenanted {
        private final Billing billing = Workflow.newActivityStub(
                Billing.class,
                ActivityOptions.newBuilder()
                        .setStartToCloseTimeout(Duration.ofSeconds(5))
                        .build());
        private String pokes = "";

        @Override
        public String run(String customer) {
            Promise<String> charged = Async.function(billing::charge, customer);
            Invoice invoice = Workflow.newChildWorkflowStub(
                    Invoice.class,
                    ChildWorkflowOptions.newBuilder().setWorkflowId("invoice-1").build());
            Promise<String> billed = Async.function(invoice::bill, customer);
            return charged.get() + billed.get() + pokes;
        }

        @Override
        public void poke(String why) {
            pokes += why;
        }

        @Override
        public String pokes() {
            return pokes;
        }
    }

    @WorkflowInterface
    public interface Relay {
        @WorkflowMethod(name = "Relay")
        String run(int hops);
    }

    public static class RelayImpl implements Relay {
        @Override
        public String run(int hops) {
            if (hops > 0) {
                Workflow.continueAsNew(hops - 1);
            }
            if (hops < 0) {
                throw ApplicationFailure.newFailure("no hops left", "Hops");
            }
            return "arrived";
        }
    }

    private final TenantInterceptor interceptor = new TenantInterceptor();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private static HistoryBuilder startedWithTenant() {
        return startedWithTenant("Tenanted", "ada");
    }

    private static HistoryBuilder startedWithTenant(String workflowType, Object input) {
        HistoryBuilder builder = new HistoryBuilder();
        var plain = HistoryBuilder.started(workflowType, input)
                .build()
                .getFirst()
                .attributes(EventAttributes.WorkflowExecutionStarted.class);
        builder.add(new EventAttributes.WorkflowExecutionStarted(
                plain.workflowType(),
                plain.taskQueue(),
                plain.input(),
                null,
                null,
                plain.workflowTaskTimeout(),
                plain.requestId(),
                plain.identity(),
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
                Json.tree(Map.of(TenantInterceptor.KEY, TenantInterceptor.TENANT))));
        return builder;
    }

    private WorkflowRun newRun(List<HistoryEvent> history) {
        return ReplayTestSupport.newRun(TenantedImpl.class, history).withInterceptors(List.of(interceptor));
    }

    private static List<Command> commands(WorkflowTaskResult result) {
        assertThat(result).isInstanceOf(WorkflowTaskResult.Completed.class);
        return ((WorkflowTaskResult.Completed) result).commands();
    }

    @Test
    void theStartHeaderReachesTheWorkflowAndItsActivityAndChildCarryTheOutboundHeader() {
        HistoryBuilder history = startedWithTenant();
        history.startTask();

        List<Command> commands = commands(newRun(history.build()).processWorkflowTask(history.build()));

        assertThat(interceptor.workflowSaw).containsExactly("acme");
        var tenant = Json.tree(Map.of("tenant", "acme"));
        assertThat(commands).hasSize(2);
        assertThat(((Command.ScheduleActivityTask) commands.get(0)).header()).isEqualTo(tenant);
        assertThat(((Command.StartChildWorkflowExecution) commands.get(1)).header())
                .isEqualTo(tenant);
    }

    @Test
    void aReplayRunsTheInterceptorsAgainAndMatchesTheRecordedCommands() {
        HistoryBuilder history = startedWithTenant();
        long completed = history.completedTask();
        history.add(new EventAttributes.ActivityTaskScheduled(
                "1", "Charge", "samples", Json.array("ada"), null, null, Duration.ofSeconds(5), null, null, completed));
        history.record(
                List.of(new Command.StartChildWorkflowExecution(
                        null,
                        "invoice-1",
                        "Invoice",
                        null,
                        Json.array("ada"),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null)),
                completed);
        history.add(new EventAttributes.WorkflowExecutionSignaled(
                "poke", Json.array("!"), "client", null, Json.tree(Map.of("tenant", "acme"))));
        history.startTask();

        WorkflowRun run = newRun(history.build());
        List<Command> commands = commands(run.processWorkflowTask(history.build()));

        assertThat(commands).isEmpty();
        assertThat(interceptor.workflowSaw).containsExactly("acme");
        assertThat(interceptor.handled).containsExactly("signal:poke:acme");
        assertThat(run.query(history.build(), "pokes", Json.array())).isEqualTo(Json.tree("!"));
        assertThat(interceptor.handled).containsExactly("signal:poke:acme", "query:pokes");
    }

    private WorkflowRun newRelay(List<HistoryEvent> history) {
        var metrics = new WorkerMetrics(SdkMetrics.of(registry), "default", "samples");
        return ReplayTestSupport.newRun(RelayImpl.class, history)
                .withInterceptors(metrics.interceptors(List.of(interceptor)));
    }

    private double count(String name) {
        var counter = registry.find(name).tag("workflow_type", "Relay").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void continueAsNewGoesThroughTheOutboundChainWithItsHeaderAndIsCountedOnce() {
        HistoryBuilder history = startedWithTenant("Relay", 1);
        history.startTask();

        List<Command> commands = commands(newRelay(history.build()).processWorkflowTask(history.build()));

        assertThat(commands)
                .singleElement()
                .isInstanceOfSatisfying(
                        Command.ContinueAsNewWorkflowExecution.class,
                        c -> assertThat(c.header()).isEqualTo(Json.tree(Map.of("tenant", "acme-next"))));
        assertThat(count("perdura.workflow.continue.as.new")).isEqualTo(1);
    }

    @Test
    void aWorkflowOutcomeIsCountedWhenItHappensNotWhenItIsReplayed() {
        HistoryBuilder history = startedWithTenant("Relay", 0);
        history.startTask();
        commands(newRelay(history.build()).processWorkflowTask(history.build()));
        assertThat(count("perdura.workflow.completed")).isEqualTo(1);
        assertThat(registry.find("perdura.workflow.endtoend.latency").timer()).isNotNull();

        HistoryBuilder replayed = startedWithTenant("Relay", 0);
        long completed = replayed.completedTask();
        replayed.record(List.of(new Command.CompleteWorkflowExecution(Json.tree("arrived"))), completed);
        assertThat(newRelay(replayed.build()).replay(replayed.build())).isNull();
        assertThat(count("perdura.workflow.completed")).isEqualTo(1);

        HistoryBuilder failing = startedWithTenant("Relay", -1);
        failing.startTask();
        commands(newRelay(failing.build()).processWorkflowTask(failing.build()));
        assertThat(count("perdura.workflow.failed")).isEqualTo(1);
    }
}
