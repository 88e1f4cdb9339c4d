package io.perdura.frontend;

import io.perdura.messaging.kafka.ClusterServices;
import java.util.List;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * frontend-service as its own process of the cluster, on port 7233: {@code
 * --perdura.kafka.bootstrap-servers=…}. It holds no state; any number of replicas serve the same API
 * and reach history and matching over Kafka.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(FrontendServiceConfiguration.class)
public class FrontendServiceApplication {

    /** The default port. */
    public static final int PORT = 7233;

    public static void main(String[] args) {
        ClusterServices.run(FrontendServiceApplication.class, "perdura-frontend", PORT, List.of("kafka"), args);
    }
}
