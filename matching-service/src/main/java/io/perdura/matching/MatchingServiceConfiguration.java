package io.perdura.matching;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.perdura.common.messaging.MessageBus;
import io.perdura.common.service.HistoryClient;
import io.perdura.matching.persistence.JdbcTaskBacklogStore;
import io.perdura.matching.persistence.TaskBacklogStore;
import io.perdura.matching.taskqueue.MatchingEngine;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * Wires matching-service into a Spring context that provides a {@link DataSource} and a {@link
 * MessageBus}: used by its own application and by the dev server.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(
        excludeFilters =
                @ComponentScan.Filter(
                        type = FilterType.ANNOTATION,
                        classes = {SpringBootApplication.class, SpringBootConfiguration.class}))
@EnableConfigurationProperties(MatchingProperties.class)
public class MatchingServiceConfiguration {

    /** The backlog, stamping rows by the context's only {@link Clock} bean when there is one, else the system clock. */
    @Bean
    TaskBacklogStore matchingTaskBacklogStore(DataSource dataSource, ObjectProvider<Clock> clock) {
        return new JdbcTaskBacklogStore(dataSource, clock.getIfUnique(Clock::systemUTC));
    }

    @Bean
    MatchingEngine matchingEngine(
            MessageBus bus,
            TaskBacklogStore matchingTaskBacklogStore,
            MatchingProperties properties,
            ObjectProvider<MeterRegistry> meterRegistry) {
        return new MatchingEngine(
                new HistoryClient(bus),
                matchingTaskBacklogStore,
                properties,
                meterRegistry.getIfUnique(() -> Metrics.globalRegistry));
    }

    @Bean
    MatchingDrainLifecycle matchingDrainLifecycle(MatchingEngine matchingEngine) {
        return new MatchingDrainLifecycle(matchingEngine);
    }

    @Bean
    MatchingLifecycle matchingLifecycle(
            DataSource dataSource, MessageBus bus, MatchingEngine matchingEngine, MatchingProperties properties) {
        return new MatchingLifecycle(dataSource, bus, matchingEngine, properties.getReleaseTimeout());
    }
}
