package io.perdura.history;

import io.perdura.common.messaging.MessageBus;
import io.perdura.history.engine.HistoryEngine;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * Wires history-service into a Spring context that supplies a {@link DataSource} and a {@link
 * MessageBus}. On start it migrates its schema, starts its timer queue and outbox relay and
 * subscribes to {@code perdura.history}, acquiring the shards of the partitions the bus assigns; on
 * stop it undoes that.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(
        basePackages = "io.perdura.history",
        excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class))
@EnableConfigurationProperties(HistoryProperties.class)
public class HistoryServiceConfiguration {

    /**
     * The server, on the context's {@link Clock} bean when there is exactly one (a test server's
     * skipping clock), else on the system clock.
     */
    @Bean
    HistoryServer historyServer(
            DataSource dataSource,
            MessageBus messageBus,
            HistoryProperties historyProperties,
            ObjectProvider<Clock> clock) {
        return new HistoryServer(dataSource, messageBus, historyProperties, clock.getIfUnique(Clock::systemUTC));
    }

    @Bean
    HistoryEngine historyEngine(HistoryServer historyServer) {
        return historyServer.engine();
    }

    /**
     * {@code /actuator/health} component {@code history}: UP while the server runs. With several
     * replicas each owns only the shards of its partitions, so owning none (yet) is no fault; the
     * details list the shards it owns and those it could not acquire yet.
     */
    @Bean
    HealthIndicator historyHealthIndicator(HistoryServer historyServer) {
        return () -> {
            Health.Builder health = historyServer.isRunning() ? Health.up() : Health.down();
            return health.withDetail("ownedShards", historyServer.shards().ownedShardIds())
                    .withDetail("shardsAwaitingAcquisition", historyServer.shardsAwaitingAcquisition())
                    .withDetail("shardCount", historyServer.shards().shardCount())
                    .withDetail("timersInMemory", historyServer.timerQueue().size())
                    .withDetail("outboxInFlight", historyServer.relay().inFlight())
                    .build();
        };
    }

    @Bean
    SmartLifecycle historyServerLifecycle(HistoryServer historyServer) {
        return new SmartLifecycle() {
            @Override
            public void start() {
                historyServer.start();
            }

            @Override
            public void stop() {
                historyServer.stop();
            }

            @Override
            public boolean isRunning() {
                return historyServer.isRunning();
            }
        };
    }
}
