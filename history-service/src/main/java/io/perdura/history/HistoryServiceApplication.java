package io.perdura.history;

import io.perdura.messaging.kafka.ClusterServices;
import java.util.List;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * history-service as its own process of the cluster, on port 7234 (Actuator only): {@code
 * --perdura.kafka.bootstrap-servers=…} and {@code --spring.datasource.url=jdbc:mysql://…}. Each
 * replica owns the shards of the history partitions its consumer group assigns it.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(HistoryServiceConfiguration.class)
public class HistoryServiceApplication {

    /** The default port. */
    public static final int PORT = 7234;

    public static void main(String[] args) {
        ClusterServices.run(HistoryServiceApplication.class, "perdura-history", PORT, List.of("db", "kafka"), args);
    }
}
