package io.perdura.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.sdk.client.WorkflowClient;
import io.perdura.sdk.client.WorkflowClientOptions;
import io.perdura.sdk.worker.WorkerFactoryOptions;
import io.perdura.sdk.worker.WorkerOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** Each {@link PerduraOptionsCustomizer} adjusts the builders of its type only, in order. */
class PerduraOptionsCustomizerTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PerduraAutoConfiguration.class))
            .withPropertyValues("perdura.target=http://127.0.0.1:9")
            .withUserConfiguration(PerduraAutoConfigurationTests.Beans.class);

    @Test
    void customizersAdjustTheBuildersOfTheirTypeOnly() {
        Customizers.SEEN.clear();
        runner.withUserConfiguration(Customizers.class).run(context -> {
            assertThat(context.getBean(WorkflowClient.class).getOptions().getIdentity())
                    .isEqualTo("customized-worker");
            PerduraWorkers workers = context.getBean(PerduraWorkers.class);
            assertThat(workers.workers().values())
                    .allSatisfy(worker -> assertThat(worker.getWorkerOptions().getWorkflowPollers())
                            .isEqualTo(1));
            assertThat(Customizers.SEEN)
                    .containsExactlyInAnyOrder(
                            "client first",
                            "client second",
                            "factory",
                            "worker",
                            "worker",
                            "queue orders pollers 1",
                            "queue payments pollers 1");
            assertThat(Customizers.SEEN.indexOf("client first")).isLessThan(Customizers.SEEN.indexOf("client second"));
        });
    }

    /** Beans of three builder types; the client ones declared in reverse order. */
    @Configuration(proxyBeanMethods = false)
    static class Customizers {
        static final List<String> SEEN = new CopyOnWriteArrayList<>();

        @Bean
        @Order(2)
        PerduraOptionsCustomizer<WorkflowClientOptions.Builder> secondClientCustomizer() {
            return builder -> {
                SEEN.add("client second");
                return builder.setIdentity("customized-worker");
            };
        }

        @Bean
        @Order(1)
        PerduraOptionsCustomizer<WorkflowClientOptions.Builder> firstClientCustomizer() {
            return builder -> {
                SEEN.add("client first");
                return builder.setIdentity("overridden");
            };
        }

        @Bean
        PerduraOptionsCustomizer<WorkerFactoryOptions.Builder> factoryCustomizer() {
            return builder -> {
                SEEN.add("factory");
                return builder.setMaxPollBackoff(Duration.ofSeconds(3));
            };
        }

        @Bean
        PerduraOptionsCustomizer<WorkerOptions.Builder> workerCustomizer() {
            return builder -> {
                SEEN.add("worker");
                return builder.setWorkflowPollers(1);
            };
        }

        /** Of no builder the starter has: never applied. */
        @Bean
        PerduraOptionsCustomizer<StringBuilder> unrelatedCustomizer() {
            return builder -> {
                SEEN.add("unrelated");
                return builder;
            };
        }

        /** Runs after the customizers of every worker: it sees what they set. */
        @Bean
        WorkerCustomizer queueCustomizer() {
            return (queue, options) ->
                    SEEN.add("queue " + queue + " pollers " + options.build().getWorkflowPollers());
        }
    }
}
