package io.perdura.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.common.api.ActivityTask;
import io.perdura.common.api.WorkflowQuery;
import io.perdura.common.error.ErrorType;
import io.perdura.common.error.PerduraException;
import io.perdura.common.json.Json;
import io.perdura.common.messaging.InJvmMessageBus;
import io.perdura.common.messaging.MessageBus;
import io.perdura.common.messaging.Topics;
import io.perdura.common.service.HistoryRequestHandler;
import io.perdura.common.service.MatchingClient;
import io.perdura.common.service.MatchingRequest.AddActivityTask;
import io.perdura.common.service.MatchingRequest.PollActivityTaskQueue;
import io.perdura.common.service.MatchingRequest.QueryWorkflow;
import io.perdura.matching.persistence.MatchingFlyway;
import io.perdura.matching.persistence.TestDatabases;
import io.perdura.matching.taskqueue.FakeHistory;
import io.perdura.matching.taskqueue.MatchingEngine;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/** Wiring of matching into a Spring context that provides only a DataSource and a MessageBus. */
class MatchingServiceConfigurationTests {

    @Test
    void servesTheMatchingTopicOnceTheContextStarts() {
        InJvmMessageBus bus = new InJvmMessageBus(2);
        bus.subscribe(Topics.HISTORY, new HistoryRequestHandler(new FakeHistory()));
        MatchingClient matching = new MatchingClient(bus);
        new ApplicationContextRunner()
                .withUserConfiguration(MatchingServiceConfiguration.class)
                .withBean(DataSource.class, () -> TestDatabases.h2("matching_wiring_" + unique()))
                .withBean(MessageBus.class, () -> bus)
                .withPropertyValues(
                        "perdura.matching.query-timeout=250ms", "perdura.matching.backlog-read-batch-size=7")
                .run(context -> {
                    assertThat(context).hasSingleBean(MatchingEngine.class);
                    MatchingProperties properties = context.getBean(MatchingProperties.class);
                    assertThat(properties.getQueryTimeout()).isEqualTo(Duration.ofMillis(250));
                    assertThat(properties.getBacklogReadBatchSize()).isEqualTo(7);
                    assertThat(properties.getPollTimeout()).isEqualTo(Duration.ofSeconds(60));
                    assertThat(new JdbcTemplate(context.getBean(DataSource.class))
                                    .queryForObject("SELECT COUNT(*) FROM " + MatchingFlyway.TABLE, Integer.class))
                            .isPositive();

                    assertThat(result(matching.addActivityTask(
                                    new AddActivityTask("default", "orders", "wf-1", "run-wf-1", 5, 1))))
                            .isNull();
                    ActivityTask task = result(matching.pollActivityTaskQueue(new PollActivityTaskQueue(
                            "default", "orders", "worker-1", "poll-1", Duration.ofSeconds(5))));
                    assertThat(task.activityId()).isEqualTo("activity-5");

                    // no timeout in the request: the configured one applies (asked of the engine, since
                    // the bus client needs a timeout to add its own to)
                    CompletableFuture<?> query = context.getBean(MatchingEngine.class)
                            .queryWorkflow(new QueryWorkflow(
                                    "default",
                                    "orders",
                                    "wf-1",
                                    null,
                                    new WorkflowQuery("status", Json.array()),
                                    null));
                    assertThat(failure(query).errorType()).isEqualTo(ErrorType.TIMEOUT);
                });
        bus.close();
    }

    @Test
    void runsAsItsOwnApplicationOnTheBusTheContextProvides() {
        // without perdura.kafka.bootstrap-servers the Kafka bus stays off: the test supplies a bus
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(
                        MatchingServiceApplication.class, InJvmBus.class)
                .web(WebApplicationType.NONE)
                .properties(
                        "spring.datasource.url=jdbc:h2:mem:matching_app_" + unique()
                                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                        "spring.main.banner-mode=off")
                .run()) {
            assertThat(context.getBean(MatchingEngine.class)).isNotNull();
            assertThat(context.getBean(MessageBus.class)).isInstanceOf(InJvmMessageBus.class);
            assertThat(context.getBeansOfType(MatchingLifecycle.class).values())
                    .singleElement()
                    .satisfies(lifecycle -> assertThat(lifecycle.isRunning()).isTrue());
        }
    }

    /**
     * An in-JVM bus in place of Kafka; not a {@code @Configuration}, so that matching's component
     * scan does not add it to other contexts.
     */
    static class InJvmBus {

        @Bean(destroyMethod = "close")
        InJvmMessageBus matchingTestBus() {
            return new InJvmMessageBus(2);
        }
    }

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static <T> T result(CompletableFuture<T> future) throws Exception {
        return future.get(5, TimeUnit.SECONDS);
    }

    private static PerduraException failure(CompletableFuture<?> future) throws Exception {
        try {
            future.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return PerduraException.unwrap(e.getCause());
        }
        throw new AssertionError("expected a failure");
    }
}
