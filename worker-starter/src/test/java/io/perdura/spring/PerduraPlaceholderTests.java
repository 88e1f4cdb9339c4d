package io.perdura.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.sdk.activity.ActivityInterface;
import io.perdura.sdk.activity.ActivityOptions;
import io.perdura.sdk.worker.WorkflowImplementationOptions;
import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** {@code ${…}} placeholders and {@code #{…}} expressions in the annotations' attributes. */
class PerduraPlaceholderTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PerduraAutoConfiguration.class))
            .withPropertyValues("perdura.target=http://127.0.0.1:9");

    @Test
    void aPlaceholderNamesTheTaskQueueFromTheEnvironment() {
        runner.withUserConfiguration(Placeholders.class)
                .withPropertyValues("orders.queue=orders-eu", "payments.queue=payments-eu", "orders.options=special")
                .run(context -> {
                    PerduraWorkers workers = context.getBean(PerduraWorkers.class);
                    assertThat(workers.workers()).containsOnlyKeys("orders-eu", "payments-eu");
                    assertThat(workers.workers().get("orders-eu").getWorkflowTypes())
                            .containsExactly("PlacedWorkflow");
                    assertThat(workers.implementationOptions()
                                    .get(PlacedWorkflowImpl.class.getName())
                                    .getDefaultActivityOptions()
                                    .getStartToCloseTimeout())
                            .isEqualTo(Duration.ofSeconds(7));
                });
    }

    @Test
    void withoutThePropertyThePlaceholdersDefaultIsUsed() {
        runner.withUserConfiguration(Placeholders.class).run(context -> {
            PerduraWorkers workers = context.getBean(PerduraWorkers.class);
            assertThat(workers.workers()).containsOnlyKeys("orders", "payments");
            assertThat(workers.implementationOptions()
                            .get(PlacedWorkflowImpl.class.getName())
                            .getDefaultActivityOptions())
                    .isNull();
        });
    }

    @Test
    void anExpressionIsEvaluated() {
        runner.withUserConfiguration(Expression.class)
                .run(context -> assertThat(context.getBean(PerduraWorkers.class).workers())
                        .containsOnlyKeys("billing-2"));
    }

    @Test
    void aPlaceholderThatCannotBeResolvedFailsTheStart() {
        runner.withUserConfiguration(Unresolvable.class)
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("Could not resolve placeholder 'nowhere.queue'"));
        runner.withUserConfiguration(Unresolvable.class)
                .run(context -> assertThat(context)
                        .getFailure()
                        .hasStackTraceContaining("@WorkflowImpl " + LostWorkflowImpl.class.getName()
                                + ": cannot resolve taskQueue \"${nowhere.queue}\""));
    }

    @WorkflowInterface
    public interface PlacedWorkflow {
        @WorkflowMethod(name = "PlacedWorkflow")
        String run();
    }

    @WorkflowImpl(taskQueue = "${orders.queue:orders}", implementationOptions = "${orders.options:}")
    public static class PlacedWorkflowImpl implements PlacedWorkflow {
        @Override
        public String run() {
            return "placed";
        }
    }

    @ActivityInterface
    public interface Billing {
        String bill(String order);
    }

    @ActivityImpl(taskQueue = "${payments.queue:payments}")
    public static class BillingImpl implements Billing {
        @Override
        public String bill(String order) {
            return order;
        }
    }

    @ActivityImpl(taskQueue = "#{'billing-' + (1 + 1)}")
    public static class ComputedBillingImpl implements Billing {
        @Override
        public String bill(String order) {
            return order;
        }
    }

    @WorkflowImpl(taskQueue = "${nowhere.queue}")
    public static class LostWorkflowImpl implements PlacedWorkflow {
        @Override
        public String run() {
            return "lost";
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Import({PlacedWorkflowImpl.class, BillingImpl.class})
    static class Placeholders {
        @Bean
        WorkflowImplementationOptions special() {
            return WorkflowImplementationOptions.newBuilder()
                    .setDefaultActivityOptions(ActivityOptions.newBuilder()
                            .setStartToCloseTimeout(Duration.ofSeconds(7))
                            .build())
                    .build();
        }

        /** A second options bean: neither is the application's default. */
        @Bean
        WorkflowImplementationOptions plain() {
            return WorkflowImplementationOptions.getDefaultInstance();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Import(ComputedBillingImpl.class)
    static class Expression {}

    @Configuration(proxyBeanMethods = false)
    @Import(LostWorkflowImpl.class)
    static class Unresolvable {}
}
