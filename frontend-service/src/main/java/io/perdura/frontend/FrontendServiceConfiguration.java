package io.perdura.frontend;

import io.perdura.common.json.Json;
import io.perdura.frontend.web.WorkerRequestObservations;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.FullyQualifiedAnnotationBeanNameGenerator;
import org.springframework.context.annotation.PropertySource;

/**
 * Everything the frontend needs, given a {@link io.perdura.common.messaging.MessageBus} bean:
 * controllers, error handling, OpenAPI and {@link FrontendProperties}. Imported by {@link
 * FrontendServiceApplication} and by the dev server. Scanned beans are named by their fully
 * qualified class name so they cannot clash with other services sharing the context.
 *
 * <p>{@code frontend-defaults.properties} sets the HTTP server up for workers that keep their
 * connections: no cap on the requests one kept-alive connection serves, and no request-handled
 * event per request. An application's own properties override it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FrontendProperties.class)
@ComponentScan(
        basePackages = "io.perdura.frontend",
        nameGenerator = FullyQualifiedAnnotationBeanNameGenerator.class,
        excludeFilters = {
            @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
            @ComponentScan.Filter(
                    type = FilterType.ANNOTATION,
                    classes = {SpringBootApplication.class, SpringBootConfiguration.class})
        })
@PropertySource("classpath:io/perdura/frontend/frontend-defaults.properties")
public class FrontendServiceConfiguration {

    /** Makes Spring MVC's JSON follow Perdura's conventions: "10s" durations, ISO instants, no nulls. */
    @Bean
    JsonMapperBuilderCustomizer perduraFrontendJsonMapperCustomizer() {
        return Json::configure;
    }

    /** Leaves the worker API out of {@code http.server.requests} unless asked to observe it. */
    @Bean
    @ConditionalOnProperty(
            name = "perdura.frontend.observe-worker-requests",
            havingValue = "false",
            matchIfMissing = true)
    WorkerRequestObservations perduraWorkerRequestObservations() {
        return new WorkerRequestObservations();
    }
}
