package io.perdura.frontend;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Runs the frontend alone. The context must provide a {@link io.perdura.common.messaging.MessageBus}
 * reaching history and matching (the dev server wires the in-JVM bus; the cluster a Kafka one).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(FrontendServiceConfiguration.class)
public class FrontendServiceApplication {

    /** Properties every frontend process starts with, unless overridden. */
    static final Map<String, Object> DEFAULT_PROPERTIES = Map.of("spring.threads.virtual.enabled", "true");

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(FrontendServiceApplication.class);
        application.setDefaultProperties(DEFAULT_PROPERTIES);
        application.run(args);
    }
}
