package io.perdura.spring;

import io.perdura.sdk.client.RpcRetryOptions;
import io.perdura.sdk.client.WorkflowClient;
import io.perdura.sdk.client.WorkflowClientOptions;
import io.perdura.sdk.common.converter.DataConverter;
import io.perdura.sdk.common.converter.DefaultDataConverter;
import io.perdura.sdk.common.converter.PayloadConverter;
import io.perdura.sdk.worker.WorkerFactory;
import io.perdura.sdk.worker.WorkerFactoryOptions;
import io.perdura.sdk.worker.WorkerOptions;
import io.perdura.sdk.worker.WorkflowImplementationOptions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates a {@link DataConverter} and a {@link WorkflowClient} from {@code perdura.*} properties and,
 * unless {@code perdura.worker.enabled=false}, workers for every {@link WorkflowImpl} and {@link
 * ActivityImpl} bean. The converter is the application's {@code DataConverter} bean, else one over
 * its {@link PayloadConverter} bean, else one over its Jackson {@link JsonMapper} when {@code
 * perdura.data-converter.use-application-json-mapper=true}, else Perdura's standard one. {@link
 * PerduraOptionsCustomizer} beans adjust the client, worker factory and worker options; {@link
 * WorkerCustomizer} beans one task queue's worker; workflows take their {@link
 * WorkflowImplementationOptions} from the application's bean of that type (or the one their {@link
 * WorkflowImpl} names) and {@link WorkflowImplementationOptionsCustomizer} beans. With
 * spring-boot-health, {@link PerduraHealthConfiguration} adds the workers' health indicators.
 */
@AutoConfiguration
@EnableConfigurationProperties(PerduraProperties.class)
@Import(PerduraHealthConfiguration.class)
public class PerduraAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DataConverter perduraDataConverter(
            PerduraProperties properties,
            ObjectProvider<PayloadConverter> payloadConverter,
            ObjectProvider<JsonMapper> jsonMapper) {
        PayloadConverter own = payloadConverter.getIfUnique();
        if (own != null) {
            return new DefaultDataConverter(own);
        }
        if (properties.getDataConverter().isUseApplicationJsonMapper()) {
            JsonMapper mapper = jsonMapper.getIfUnique();
            if (mapper == null) {
                throw new IllegalStateException("perdura.data-converter.use-application-json-mapper=true, but the"
                        + " application has no single JsonMapper bean (add spring-boot-jackson, or declare one)");
            }
            return DefaultDataConverter.of(mapper);
        }
        return DataConverter.getDefaultInstance();
    }

    /** The client's options: {@code perdura.*} properties, the converter, then the customizers. */
    @Bean
    @ConditionalOnMissingBean
    WorkflowClientOptions perduraWorkflowClientOptions(
            PerduraProperties properties,
            DataConverter dataConverter,
            ObjectProvider<PerduraOptionsCustomizer<WorkflowClientOptions.Builder>> customizers) {
        PerduraProperties.RpcRetry retry = properties.getRpcRetry();
        WorkflowClientOptions.Builder options = WorkflowClientOptions.builder()
                .setTarget(properties.getTarget())
                .setNamespace(properties.getNamespace())
                .setDataConverter(dataConverter)
                .setRpcRetryOptions(RpcRetryOptions.newBuilder()
                        .setInitialInterval(retry.getInitialInterval())
                        .setMaximumInterval(retry.getMaximumInterval())
                        .setExpiration(retry.getExpiration())
                        .build());
        if (properties.getIdentity() != null) {
            options.setIdentity(properties.getIdentity());
        }
        return customize(options, customizers).build();
    }

    @Bean
    @ConditionalOnMissingBean
    WorkflowClient perduraWorkflowClient(WorkflowClientOptions perduraWorkflowClientOptions) {
        return WorkflowClient.newInstance(perduraWorkflowClientOptions);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "perdura.worker.enabled", matchIfMissing = true)
    PerduraWorkers perduraWorkers(
            WorkflowClient client,
            PerduraProperties properties,
            ConfigurableListableBeanFactory beanFactory,
            Environment environment,
            ObjectProvider<PerduraOptionsCustomizer<WorkerFactoryOptions.Builder>> factoryCustomizers,
            ObjectProvider<PerduraOptionsCustomizer<WorkerOptions.Builder>> workerOptionsCustomizers,
            ObjectProvider<WorkerCustomizer> customizers,
            ObjectProvider<WorkflowImplementationOptions> implementationOptions,
            ObjectProvider<WorkflowImplementationOptionsCustomizer> implementationOptionsCustomizers) {
        WorkerFactoryOptions factoryOptions =
                customize(WorkerFactoryOptions.newBuilder(), factoryCustomizers).build();
        return new PerduraWorkers(
                WorkerFactory.newInstance(client, factoryOptions),
                properties.getWorker(),
                beanFactory,
                environment,
                workerOptionsCustomizers.orderedStream().toList(),
                customizers.orderedStream().toList(),
                implementationOptions.getIfUnique(),
                implementationOptionsCustomizers.orderedStream().toList());
    }

    private static <T> T customize(T builder, ObjectProvider<PerduraOptionsCustomizer<T>> customizers) {
        T customized = builder;
        for (PerduraOptionsCustomizer<T> customizer :
                customizers.orderedStream().toList()) {
            customized = customizer.customize(customized);
        }
        return customized;
    }
}
