package io.perdura.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

/** The {@code perdura} and {@code perduraReadiness} health indicators, with the server down and up. */
class PerduraHealthTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PerduraAutoConfiguration.class))
            .withUserConfiguration(PerduraAutoConfigurationTests.Beans.class)
            .withPropertyValues(
                    "perdura.worker.workflow-pollers=1",
                    "perdura.worker.activity-pollers=1",
                    "perdura.worker.health.unreachable-threshold=300ms");

    private static Health health(ApplicationContext context) {
        return context.getBean("perduraHealthIndicator", HealthIndicator.class).health();
    }

    private static Health readiness(ApplicationContext context) {
        return context.getBean("perduraReadinessHealthIndicator", HealthIndicator.class)
                .health();
    }

    @Test
    void withTheServerDownTheWorkersAreDownAfterTheThresholdAndNeverReady() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort(); // closed again: nothing listens there
        }
        runner.withPropertyValues("perdura.target=http://127.0.0.1:" + port).run(context -> {
            assertThat(readiness(context).getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
            assertThat(readiness(context).getDetails().get("waitingForServer"))
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                    .containsExactly("orders", "payments");

            await().atMost(Duration.ofSeconds(10)).until(() -> health(context).getStatus() == Status.DOWN);
            Health down = health(context);
            assertThat(down.getDetails().get("taskQueues"))
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsOnlyKeys("orders", "payments");
            Map<?, ?> orders = (Map<?, ?>) ((Map<?, ?>) down.getDetails().get("taskQueues")).get("orders");
            @SuppressWarnings("unchecked")
            Map<String, Object> workflow = (Map<String, Object>) orders.get("workflow");
            assertThat(workflow.get("pollers")).isEqualTo(1);
            assertThat(workflow.get("lastSuccessfulPoll")).isEqualTo("never");
            assertThat((Integer) workflow.get("consecutiveFailures")).isPositive();
            assertThat(workflow.get("lastError")).asString().isNotBlank();
            assertThat(workflow).containsKeys("slotsUsed", "slotsAvailable", "failingSince");
            assertThat(readiness(context).getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        });
    }

    @Test
    void pollsFailingForLessThanTheThresholdLeaveTheWorkersUp() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        runner.withPropertyValues(
                        "perdura.target=http://127.0.0.1:" + port, "perdura.worker.health.unreachable-threshold=1h")
                .run(context -> {
                    PerduraWorkers workers = context.getBean(PerduraWorkers.class);
                    await().atMost(Duration.ofSeconds(10))
                            .until(() -> workers.workers().values().stream()
                                    .allMatch(worker -> worker.getStatus().pollers().stream()
                                            .allMatch(poller -> poller.consecutiveFailures() > 0)));
                    assertThat(health(context).getStatus()).isEqualTo(Status.UP);
                    assertThat(readiness(context).getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
                });
    }

    @Test
    void withTheServerAnsweringTheWorkersAreUpAndReady() throws Exception {
        try (FakePerduraServer server = new FakePerduraServer()) {
            runner.withPropertyValues("perdura.target=" + server.target()).run(context -> {
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> readiness(context).getStatus() == Status.UP);
                Health up = health(context);
                assertThat(up.getStatus()).isEqualTo(Status.UP);
                Map<?, ?> payments = (Map<?, ?>) ((Map<?, ?>) up.getDetails().get("taskQueues")).get("payments");
                Map<?, ?> activity = (Map<?, ?>) payments.get("activity");
                assertThat(activity.get("consecutiveFailures")).isEqualTo(0);
                assertThat(activity.get("lastSuccessfulPoll")).asString().isNotEqualTo("never");
                assertThat(activity.get("slotsAvailable")).isEqualTo(200 - (Integer) activity.get("slotsUsed"));
            });
        }
    }

    @Test
    void withoutSpringBootHealthThereAreNoIndicators() {
        runner.withPropertyValues("perdura.target=http://127.0.0.1:9")
                .withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .doesNotHaveBean("perduraHealthIndicator")
                        .doesNotHaveBean("perduraReadinessHealthIndicator"));
    }

    @Test
    void theIndicatorsCanBeSwitchedOff() {
        runner.withPropertyValues("perdura.target=http://127.0.0.1:9", "management.health.perdura.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("perduraHealthIndicator"));
    }
}
