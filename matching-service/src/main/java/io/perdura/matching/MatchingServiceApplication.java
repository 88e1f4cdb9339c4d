package io.perdura.matching;

import io.perdura.messaging.kafka.ClusterServices;
import java.util.List;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * matching-service as its own process of the cluster, on port 7235 (Actuator only): {@code
 * --perdura.kafka.bootstrap-servers=…} and {@code --spring.datasource.url=jdbc:mysql://…}. Each
 * replica serves the task queues of the matching partitions its consumer group assigns it.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(MatchingServiceConfiguration.class)
public class MatchingServiceApplication {

    /** The default port. */
    public static final int PORT = 7235;

    public static void main(String[] args) {
        ClusterServices.run(MatchingServiceApplication.class, "perdura-matching", PORT, List.of("db", "kafka"), args);
    }
}
