package io.perdura.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.sdk.activity.ActivityInterface;
import io.perdura.sdk.client.WorkflowClient;
import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

class PerduraAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PerduraAutoConfiguration.class))
            // Nothing listens here: the workers only retry their polls in the background.
            .withPropertyValues("perdura.target=http://127.0.0.1:9");

    @Test
    void createsAClientAndAWorkerPerTaskQueueOfTheAnnotatedBeans() {
        runner.withUserConfiguration(Beans.class).run(context -> {
            assertThat(context).hasSingleBean(WorkflowClient.class);
            PerduraWorkers workers = context.getBean(PerduraWorkers.class);
            assertThat(workers.workers()).containsOnlyKeys("orders", "payments");
        });
    }

    @Test
    void eachWorkflowRunGetsItsOwnInstance() {
        runner.withUserConfiguration(Beans.class).run(context -> {
            assertThat(context.getBean(OrderWorkflowImpl.class)).isNotSameAs(context.getBean(OrderWorkflowImpl.class));
            assertThat(context.getBean(PaymentsImpl.class)).isSameAs(context.getBean(PaymentsImpl.class));
        });
    }

    @Test
    void runningWorkersKeepTheJvmAliveUntilTheContextCloses() {
        runner.withUserConfiguration(Beans.class)
                .run(context -> assertThat(keepAliveThreads())
                        .singleElement()
                        .satisfies(thread -> assertThat(thread.isDaemon()).isFalse()));

        org.awaitility.Awaitility.await().until(() -> keepAliveThreads().isEmpty());
    }

    private static java.util.List<Thread> keepAliveThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("perdura-workers-keep-alive") && thread.isAlive())
                .toList();
    }

    @Test
    void workersCanBeSwitchedOff() {
        runner.withUserConfiguration(Beans.class)
                .withPropertyValues("perdura.worker.enabled=false")
                .run(context -> {
                    assertThat(context).hasSingleBean(WorkflowClient.class);
                    assertThat(context).doesNotHaveBean(PerduraWorkers.class);
                });
    }

    @Test
    void aUserClientReplacesTheDefaultOne() {
        WorkflowClient own = WorkflowClient.newInstance(io.perdura.sdk.client.WorkflowClientOptions.builder()
                .setTarget("http://127.0.0.1:9")
                .build());
        runner.withBean(WorkflowClient.class, () -> own)
                .run(context ->
                        assertThat(context.getBean(WorkflowClient.class)).isSameAs(own));
    }

    @Test
    void aCustomizerAdjustsEachWorker() {
        java.util.List<String> customized = new java.util.ArrayList<>();
        runner.withUserConfiguration(Beans.class)
                .withBean(WorkerCustomizer.class, () -> (queue, options) -> customized.add(queue))
                .run(context -> assertThat(customized).containsExactlyInAnyOrder("orders", "payments"));
    }

    @WorkflowInterface
    public interface OrderWorkflow {
        @WorkflowMethod
        String process(String order);
    }

    @WorkflowImpl(taskQueue = "orders")
    public static class OrderWorkflowImpl implements OrderWorkflow {
        @Override
        public String process(String order) {
            return order;
        }
    }

    @ActivityInterface
    public interface Payments {
        String charge(String order);
    }

    @ActivityImpl(taskQueue = "payments")
    public static class PaymentsImpl implements Payments {
        @Override
        public String charge(String order) {
            return order;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Import({OrderWorkflowImpl.class, PaymentsImpl.class})
    static class Beans {}
}
