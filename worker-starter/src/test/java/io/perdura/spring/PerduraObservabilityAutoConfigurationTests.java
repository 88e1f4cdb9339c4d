package io.perdura.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.perdura.sdk.client.WorkflowClient;
import io.perdura.sdk.common.interceptors.WorkerInterceptor;
import io.perdura.sdk.common.interceptors.WorkflowClientInterceptor;
import io.perdura.sdk.tracing.TracingInterceptor;
import io.perdura.sdk.worker.WorkerFactoryOptions;
import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** The observability wiring of the starter (ADR 26), with ApplicationContextRunner. */
class PerduraObservabilityAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(PerduraObservabilityAutoConfiguration.class, PerduraAutoConfiguration.class))
            .withPropertyValues("perdura.target=http://127.0.0.1:9", "perdura.worker.enabled=false");

    @Configuration(proxyBeanMethods = false)
    static class Registries {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        ObservationRegistry observationRegistry() {
            return ObservationRegistry.create();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Interceptors {
        static final WorkerInterceptor SECOND_WORKER = new WorkerInterceptor() {};
        static final WorkerInterceptor FIRST_WORKER = new WorkerInterceptor() {};
        static final WorkflowClientInterceptor CLIENT = new WorkflowClientInterceptor() {};

        @Bean
        @Order(2)
        WorkerInterceptor secondWorkerInterceptor() {
            return SECOND_WORKER;
        }

        @Bean
        @Order(1)
        WorkerInterceptor firstWorkerInterceptor() {
            return FIRST_WORKER;
        }

        @Bean
        WorkflowClientInterceptor clientInterceptor() {
            return CLIENT;
        }
    }

    @Test
    void theApplicationsRegistriesGoIntoTheClientAndTheWorkers() {
        runner.withUserConfiguration(Registries.class).run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            var options = context.getBean(WorkflowClient.class).getOptions();
            assertThat(options.getMeterRegistry()).isSameAs(registry);
            assertThat(options.getInterceptors()).singleElement().isInstanceOf(TracingInterceptor.class);
            PerduraObservability observability = context.getBean(PerduraObservability.class);
            assertThat(observability.getWorkerInterceptors())
                    .singleElement()
                    .isSameAs(options.getInterceptors().getFirst());
            WorkerFactoryOptions.Builder factory = WorkerFactoryOptions.newBuilder();
            observability.customize(factory);
            assertThat(factory.build().getMeterRegistry()).isSameAs(registry);
        });
    }

    @Test
    void interceptorBeansFollowTheTracingInterceptorInTheirOrder() {
        runner.withUserConfiguration(Registries.class, Interceptors.class).run(context -> {
            PerduraObservability observability = context.getBean(PerduraObservability.class);
            assertThat(observability.getWorkerInterceptors()).hasSize(3);
            assertThat(observability.getWorkerInterceptors().getFirst()).isInstanceOf(TracingInterceptor.class);
            assertThat(observability.getWorkerInterceptors().subList(1, 3))
                    .containsExactly(Interceptors.FIRST_WORKER, Interceptors.SECOND_WORKER);
            assertThat(context.getBean(WorkflowClient.class).getOptions().getInterceptors())
                    .last()
                    .isSameAs(Interceptors.CLIENT);
        });
    }

    @Test
    void metricsAndTracingCanBeTurnedOff() {
        runner.withUserConfiguration(Registries.class, Interceptors.class)
                .withPropertyValues("perdura.metrics.enabled=false", "perdura.tracing.enabled=false")
                .run(context -> {
                    var options = context.getBean(WorkflowClient.class).getOptions();
                    assertThat(options.getMeterRegistry()).isNull();
                    assertThat(options.getInterceptors()).containsExactly(Interceptors.CLIENT);
                    assertThat(context.getBean(PerduraObservability.class).getWorkerInterceptors())
                            .containsExactly(Interceptors.FIRST_WORKER, Interceptors.SECOND_WORKER);
                });
    }

    @Test
    void withoutRegistriesThereAreNoMetricsAndNoTracing() {
        runner.run(context -> {
            var options = context.getBean(WorkflowClient.class).getOptions();
            assertThat(options.getMeterRegistry()).isNull();
            assertThat(options.getInterceptors()).isEmpty();
        });
    }

    @Test
    void theWorkersFactoryGetsTheOptions() {
        runner.withUserConfiguration(Registries.class)
                .withPropertyValues("perdura.worker.enabled=true")
                .run(context -> {
                    PerduraWorkers workers = context.getBean(PerduraWorkers.class);
                    Field field = PerduraWorkers.class.getDeclaredField("factory");
                    field.setAccessible(true);
                    var factory = (io.perdura.sdk.worker.WorkerFactory) field.get(workers);
                    assertThat(factory.getOptions().getMeterRegistry()).isSameAs(context.getBean(MeterRegistry.class));
                    assertThat(factory.getOptions().getWorkerInterceptors())
                            .singleElement()
                            .isInstanceOf(TracingInterceptor.class);
                });
    }
}
