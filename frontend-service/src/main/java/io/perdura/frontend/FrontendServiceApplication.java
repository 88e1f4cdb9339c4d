package io.perdura.frontend;

import io.perdura.common.messaging.InJvmMessageBus;
import io.perdura.common.messaging.MessageBus;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * frontend-service as its own process. It reaches history and matching through the context's
 * {@link MessageBus}; until the Kafka adapter exists, a process without one gets an in-JVM bus,
 * which only reaches services in the same JVM (the API, its OpenAPI document and Swagger UI are
 * served; calls to history and matching time out with 504).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(FrontendServiceConfiguration.class)
public class FrontendServiceApplication {

    private static final Logger log = LoggerFactory.getLogger(FrontendServiceApplication.class);

    /** Properties every frontend process starts with, unless overridden: virtual request threads. */
    static final Map<String, Object> DEFAULT_PROPERTIES = Map.of("spring.threads.virtual.enabled", "true");

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(MessageBus.class)
    InJvmMessageBus frontendServiceMessageBus() {
        log.warn("no MessageBus configured: using an in-JVM bus, which reaches history and matching only in this JVM");
        return new InJvmMessageBus(Runtime.getRuntime().availableProcessors());
    }

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(FrontendServiceApplication.class);
        application.setDefaultProperties(DEFAULT_PROPERTIES);
        application.run(args);
    }
}
