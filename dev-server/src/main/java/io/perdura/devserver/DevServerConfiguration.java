package io.perdura.devserver;

import io.perdura.common.messaging.InJvmMessageBus;
import io.perdura.samples.SamplesConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** What the dev server adds to the three services: the in-JVM message bus and the samples. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DevServerProperties.class)
class DevServerConfiguration {

    @Bean(destroyMethod = "close")
    InJvmMessageBus messageBus(DevServerProperties properties) {
        return new InJvmMessageBus(properties.getPartitions());
    }

    /** The samples' workers, in this JVM, when started with {@code --samples}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty("perdura.dev-server.samples")
    @Import(SamplesConfiguration.class)
    static class Samples {}
}
