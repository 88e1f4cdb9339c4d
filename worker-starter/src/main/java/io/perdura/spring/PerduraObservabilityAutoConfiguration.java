package io.perdura.spring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.perdura.sdk.client.WorkflowClientOptions;
import io.perdura.sdk.common.interceptors.WorkerInterceptor;
import io.perdura.sdk.common.interceptors.WorkflowClientInterceptor;
import io.perdura.sdk.tracing.TracingInterceptor;
import io.perdura.sdk.worker.WorkerFactoryOptions;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Wires the application's observability into Perdura's client and workers (ADR 26): its {@link
 * MeterRegistry} bean into the SDK's metrics ({@code perdura.metrics.enabled}, on by default), its
 * {@link ObservationRegistry} bean into a {@link TracingInterceptor} ({@code perdura.tracing.enabled},
 * on by default), and its {@link WorkerInterceptor} and {@link WorkflowClientInterceptor} beans, in
 * their order, after the tracing interceptor. The resulting {@link PerduraObservability} reaches the
 * options {@link PerduraAutoConfiguration} builds as two {@link PerduraOptionsCustomizer} beans that
 * run first, so the application's customizers see (and may change) what it set.
 */
@AutoConfiguration(before = PerduraAutoConfiguration.class)
@EnableConfigurationProperties(PerduraObservabilityProperties.class)
public class PerduraObservabilityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PerduraObservability perduraObservability(
            PerduraObservabilityProperties properties,
            ObjectProvider<MeterRegistry> meterRegistry,
            ObjectProvider<ObservationRegistry> observationRegistry,
            ObjectProvider<WorkerInterceptor> workerInterceptors,
            ObjectProvider<WorkflowClientInterceptor> clientInterceptors) {
        List<WorkerInterceptor> worker = new ArrayList<>();
        List<WorkflowClientInterceptor> client = new ArrayList<>();
        ObservationRegistry observations =
                properties.getTracing().isEnabled() ? observationRegistry.getIfUnique() : null;
        if (observations != null) {
            TracingInterceptor tracing = new TracingInterceptor(observations);
            worker.add(tracing);
            client.add(tracing);
        }
        workerInterceptors.orderedStream().forEach(worker::add);
        clientInterceptors.orderedStream().forEach(client::add);
        MeterRegistry registry = properties.getMetrics().isEnabled() ? meterRegistry.getIfUnique() : null;
        return new PerduraObservability(registry, worker, client);
    }

    /** The client's meter registry and interceptors, set before the application's own customizers run. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    PerduraOptionsCustomizer<WorkflowClientOptions.Builder> perduraObservabilityClientOptions(
            PerduraObservability perduraObservability) {
        return options -> {
            perduraObservability.customize(options);
            return options;
        };
    }

    /** The workers' meter registry and interceptors, set before the application's own customizers run. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    PerduraOptionsCustomizer<WorkerFactoryOptions.Builder> perduraObservabilityWorkerFactoryOptions(
            PerduraObservability perduraObservability) {
        return options -> {
            perduraObservability.customize(options);
            return options;
        };
    }
}
