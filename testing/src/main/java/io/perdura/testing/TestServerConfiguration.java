package io.perdura.testing;

import io.perdura.common.messaging.InJvmMessageBus;
import io.perdura.frontend.FrontendServiceConfiguration;
import io.perdura.history.HistoryServiceConfiguration;
import io.perdura.matching.MatchingServiceConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The test server's Spring context: the three real services over the in-JVM message bus, as the
 * dev server composes them, plus the filter that tells the time skipper what the frontend is doing.
 * The {@link TestClock} and {@link TimeSkipper} are registered by {@link TestServer} before refresh.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import({
    HistoryServiceConfiguration.class,
    MatchingServiceConfiguration.class,
    FrontendServiceConfiguration.class
})
class TestServerConfiguration {

    /** As many partitions as history has shards in a test server: few, so it starts fast. */
    static final int PARTITIONS = 2;

    @Bean(destroyMethod = "close")
    InJvmMessageBus messageBus() {
        return new InJvmMessageBus(PARTITIONS);
    }

    @Bean
    FilterRegistrationBean<TimeLockFilter> perduraTestTimeLockFilter(TimeSkipper skipper) {
        FilterRegistrationBean<TimeLockFilter> registration = new FilterRegistrationBean<>(new TimeLockFilter(skipper));
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
