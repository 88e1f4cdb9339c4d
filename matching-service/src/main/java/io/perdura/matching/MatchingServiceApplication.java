package io.perdura.matching;

import io.perdura.common.messaging.InJvmMessageBus;
import io.perdura.common.messaging.MessageBus;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * matching-service as its own process. Until the Kafka adapter of {@link MessageBus} exists, it
 * runs on an in-JVM bus, which only serves callers in the same JVM.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(MatchingServiceConfiguration.class)
public class MatchingServiceApplication {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(MessageBus.class)
    InJvmMessageBus matchingServiceMessageBus() {
        return new InJvmMessageBus(Runtime.getRuntime().availableProcessors());
    }

    public static void main(String[] args) {
        SpringApplication.run(MatchingServiceApplication.class, args);
    }
}
