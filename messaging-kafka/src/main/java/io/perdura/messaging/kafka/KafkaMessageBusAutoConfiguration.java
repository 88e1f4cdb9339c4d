package io.perdura.messaging.kafka;

import io.perdura.common.messaging.MessageBus;
import java.util.UUID;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * A {@link KafkaMessageBus} and its {@code kafka} health component, when {@code
 * perdura.kafka.bootstrap-servers} is set and no other bus is defined.
 */
@AutoConfiguration
@ConditionalOnProperty("perdura.kafka.bootstrap-servers")
@EnableConfigurationProperties(KafkaBusProperties.class)
public class KafkaMessageBusAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(MessageBus.class)
    KafkaMessageBus kafkaMessageBus(KafkaBusProperties properties, Environment environment) {
        String application = environment.getProperty("spring.application.name", "perdura");
        return new KafkaMessageBus(
                properties, application + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Bean
    @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaMessageBus kafkaMessageBus) {
        return new KafkaHealthIndicator(kafkaMessageBus);
    }
}
