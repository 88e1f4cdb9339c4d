package io.perdura.testing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.perdura.common.messaging.InJvmMessageBus;
import io.perdura.frontend.FrontendServiceConfiguration;
import io.perdura.history.HistoryServiceConfiguration;
import io.perdura.matching.MatchingServiceConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.servlet.autoconfigure.HttpEncodingAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The test server's Spring context: the three real services over the in-JVM message bus, as the
 * dev server composes them, plus the filter that tells the time skipper what the frontend is doing.
 * The {@link TestClock} and {@link TimeSkipper} are registered by {@link TestServer} before refresh.
 * Only the auto-configurations the services need are imported, by name: it starts faster, and
 * whatever else the application's test classpath holds (security, the worker starter, Kafka…) stays
 * out of the server. Its meters go to a registry of its own, never the global one.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration({
    JacksonAutoConfiguration.class,
    HttpMessageConvertersAutoConfiguration.class,
    ValidationAutoConfiguration.class,
    DataSourceAutoConfiguration.class,
    DataSourceTransactionManagerAutoConfiguration.class,
    TransactionAutoConfiguration.class,
    TaskExecutionAutoConfiguration.class,
    TomcatServletWebServerAutoConfiguration.class,
    HttpEncodingAutoConfiguration.class,
    DispatcherServletAutoConfiguration.class,
    WebMvcAutoConfiguration.class,
    ErrorMvcAutoConfiguration.class
})
@Import({HistoryServiceConfiguration.class, MatchingServiceConfiguration.class, FrontendServiceConfiguration.class})
class TestServerConfiguration {

    /** As many partitions as history has shards in a test server: few, so it starts fast. */
    static final int PARTITIONS = 2;

    @Bean(destroyMethod = "close")
    InJvmMessageBus messageBus() {
        return new InJvmMessageBus(PARTITIONS);
    }

    @Bean
    MeterRegistry perduraTestMeterRegistry() {
        return new SimpleMeterRegistry();
    }

    @Bean
    FilterRegistrationBean<TimeLockFilter> perduraTestTimeLockFilter(TimeSkipper skipper) {
        FilterRegistrationBean<TimeLockFilter> registration = new FilterRegistrationBean<>(new TimeLockFilter(skipper));
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
