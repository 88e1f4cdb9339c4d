package io.perdura.spring;

import io.perdura.sdk.client.RpcRetryOptions;
import io.perdura.sdk.client.WorkflowClient;
import io.perdura.sdk.client.WorkflowClientOptions;
import io.perdura.sdk.worker.WorkerFactory;
import io.perdura.sdk.worker.WorkerFactoryOptions;
import io.perdura.sdk.worker.WorkflowImplementationOptions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Creates a {@link WorkflowClient} from {@code perdura.*} properties and, unless {@code
 * perdura.worker.enabled=false}, workers for every {@link WorkflowImpl} and {@link ActivityImpl}
 * bean. Workers take their options from {@code perdura.worker.*} and {@link WorkerCustomizer}
 * beans; workflows their {@link WorkflowImplementationOptions} from the application's bean of that
 * type (or the one their {@link WorkflowImpl} names) and {@link WorkflowImplementationOptionsCustomizer}
 * beans.
 */
@AutoConfiguration
@EnableConfigurationProperties(PerduraProperties.class)
public class PerduraAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    WorkflowClient perduraWorkflowClient(
            PerduraProperties properties, ObjectProvider<PerduraObservability> observability) {
        PerduraProperties.RpcRetry retry = properties.getRpcRetry();
        WorkflowClientOptions.Builder options = WorkflowClientOptions.builder()
                .setTarget(properties.getTarget())
                .setNamespace(properties.getNamespace())
                .setRpcRetryOptions(RpcRetryOptions.newBuilder()
                        .setInitialInterval(retry.getInitialInterval())
                        .setMaximumInterval(retry.getMaximumInterval())
                        .setExpiration(retry.getExpiration())
                        .build());
        if (properties.getIdentity() != null) {
            options.setIdentity(properties.getIdentity());
        }
        observability.ifAvailable(o -> o.customize(options));
        return WorkflowClient.newInstance(options.build());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "perdura.worker.enabled", matchIfMissing = true)
    PerduraWorkers perduraWorkers(
            WorkflowClient client,
            PerduraProperties properties,
            ConfigurableListableBeanFactory beanFactory,
            ObjectProvider<WorkerCustomizer> customizers,
            ObjectProvider<WorkflowImplementationOptions> implementationOptions,
            ObjectProvider<WorkflowImplementationOptionsCustomizer> implementationOptionsCustomizers,
            ObjectProvider<PerduraObservability> observability) {
        WorkerFactoryOptions.Builder factoryOptions = WorkerFactoryOptions.newBuilder();
        observability.ifAvailable(o -> o.customize(factoryOptions));
        return new PerduraWorkers(
                WorkerFactory.newInstance(client, factoryOptions.build()),
                properties.getWorker(),
                beanFactory,
                customizers.orderedStream().toList(),
                implementationOptions.getIfUnique(),
                implementationOptionsCustomizers.orderedStream().toList());
    }
}
