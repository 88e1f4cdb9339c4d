package io.perdura.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.common.api.ActivityTask;
import io.perdura.common.messaging.InJvmMessageBus;
import io.perdura.common.messaging.MessageBus;
import io.perdura.frontend.backend.Backends;
import io.perdura.frontend.web.WorkerRequestObservations;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.json.JsonMapper;

class FrontendServiceConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
            .withUserConfiguration(FrontendServiceConfiguration.class)
            .withBean(MessageBus.class, () -> new InJvmMessageBus(1));

    @Test
    void needsOnlyAMessageBus() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Backends.class);
            assertThat(context.getBeanNamesForType(Backends.class))
                    .as("scanned beans are named by class name so services sharing a context cannot clash")
                    .containsExactly(Backends.class.getName());
        });
    }

    @Test
    void failsWithoutAMessageBus() {
        new ApplicationContextRunner()
                .withUserConfiguration(FrontendServiceConfiguration.class)
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void propertiesHaveDefaults() {
        runner.run(context -> {
            FrontendProperties properties = context.getBean(FrontendProperties.class);
            assertThat(properties.getLongPollTimeout()).isEqualTo(Duration.ofSeconds(60));
            assertThat(properties.getQueryTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(properties.getResultWaitDefault()).isEqualTo(Duration.ofSeconds(30));
            assertThat(properties.getResultWaitMax()).isEqualTo(Duration.ofSeconds(60));
            assertThat(properties.getRequestTimeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(properties.getTimeoutMargin()).isEqualTo(Duration.ofSeconds(10));
        });
    }

    @Test
    void workerRequestsAreLeftOutOfServerObservationsUnlessAskedFor() {
        runner.run(context -> assertThat(context).hasSingleBean(WorkerRequestObservations.class));
        runner.withPropertyValues("perdura.frontend.observe-worker-requests=true")
                .run(context -> assertThat(context).doesNotHaveBean(WorkerRequestObservations.class));
    }

    @Test
    void httpServerDefaultsSuitWorkersThatKeepTheirConnections() {
        runner.run(context -> {
            assertThat(context.getEnvironment().getProperty("server.tomcat.max-keep-alive-requests"))
                    .isEqualTo("-1");
            assertThat(context.getEnvironment().getProperty("spring.mvc.publish-request-handled-events"))
                    .isEqualTo("false");
        });
        runner.withPropertyValues("server.tomcat.max-keep-alive-requests=500")
                .run(context -> assertThat(
                                context.getEnvironment().getProperty("server.tomcat.max-keep-alive-requests"))
                        .as("an application's properties win")
                        .isEqualTo("500"));
    }

    @Test
    void propertiesBindUnderPerduraFrontend() {
        runner.withPropertyValues("perdura.frontend.long-poll-timeout=5s", "perdura.frontend.query-timeout=2s")
                .run(context -> {
                    FrontendProperties properties = context.getBean(FrontendProperties.class);
                    assertThat(properties.getLongPollTimeout()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(properties.getQueryTimeout()).isEqualTo(Duration.ofSeconds(2));
                });
    }

    @Test
    void springJsonFollowsPerduraConventions() {
        runner.run(context -> {
            JsonMapper mapper = context.getBean(JsonMapper.class);
            ActivityTask task = new ActivityTask(
                    "t",
                    "default",
                    "wf",
                    "run",
                    "Hello",
                    "1",
                    "greet",
                    "q",
                    null,
                    1,
                    Instant.parse("2026-01-02T03:04:05Z"),
                    Instant.parse("2026-01-02T03:04:05Z"),
                    null,
                    null,
                    Duration.ofSeconds(10),
                    null,
                    null);

            String json = mapper.writeValueAsString(task);

            assertThat(json)
                    .contains("\"startToCloseTimeout\":\"10s\"")
                    .contains("\"scheduledTime\":\"2026-01-02T03:04:05Z\"")
                    .doesNotContain("null");
        });
    }
}
