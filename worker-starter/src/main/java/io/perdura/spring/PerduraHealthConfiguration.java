package io.perdura.spring;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The workers' health indicators, when spring-boot-health is on the classpath: {@code perdura}
 * (DOWN once polls have failed for longer than {@code perdura.worker.health.unreachable-threshold})
 * and {@code perduraReadiness} (OUT_OF_SERVICE until every worker's first successful poll), for the
 * readiness group. {@code management.health.perdura.enabled=false} switches both off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBooleanProperty(name = "perdura.worker.enabled", matchIfMissing = true)
class PerduraHealthConfiguration {

    /** Nested: its condition's class is in spring-boot-health, so it is only read once that is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnEnabledHealthIndicator("perdura")
    static class Indicators {

        @Bean
        @ConditionalOnMissingBean(name = "perduraHealthIndicator")
        PerduraWorkersHealthIndicator perduraHealthIndicator(
                ObjectProvider<PerduraWorkers> workers, PerduraProperties properties) {
            return new PerduraWorkersHealthIndicator(
                    workers, properties.getWorker().getHealth().getUnreachableThreshold());
        }

        @Bean
        @ConditionalOnMissingBean(name = "perduraReadinessHealthIndicator")
        PerduraWorkersReadinessIndicator perduraReadinessHealthIndicator(ObjectProvider<PerduraWorkers> workers) {
            return new PerduraWorkersReadinessIndicator(workers);
        }
    }
}
