package io.perdura.messaging.kafka;

import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** {@code /actuator/health} component {@code kafka}: UP while the cluster answers within 2 s. */
final class KafkaHealthIndicator implements HealthIndicator {

    private final KafkaMessageBus bus;

    KafkaHealthIndicator(KafkaMessageBus bus) {
        this.bus = bus;
    }

    @Override
    public Health health() {
        try {
            var cluster = bus.admin().describeCluster(new DescribeClusterOptions().timeoutMs(2000));
            int nodes = cluster.nodes().get(2, TimeUnit.SECONDS).size();
            return Health.up()
                    .withDetail("nodes", nodes)
                    .withDetail("clusterId", cluster.clusterId().get(2, TimeUnit.SECONDS))
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down(e).build();
        } catch (Exception e) {
            return Health.down()
                    .withDetail("error", String.valueOf(e.getMessage()))
                    .build();
        }
    }
}
