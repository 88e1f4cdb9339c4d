package io.perdura.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.perdura.common.api.StartWorkflowRequest;
import io.perdura.common.error.ErrorType;
import io.perdura.common.json.Json;
import io.perdura.common.messaging.InJvmMessageBus;
import io.perdura.common.messaging.MessageBus;
import io.perdura.common.service.HistoryClient;
import io.perdura.common.service.HistoryRequest.DescribeWorkflowExecution;
import io.perdura.common.service.HistoryRequest.StartWorkflowExecution;
import io.perdura.history.engine.HistoryEngine;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The Spring wiring other modules import: properties, beans, and the lifecycle that subscribes. */
class HistoryServiceConfigurationTests {

    @Test
    void startsWithADataSourceAndABusAndServesTheHistoryTopic() {
        try (HikariDataSource dataSource = TestDatabases.h2();
                InJvmMessageBus bus = new InJvmMessageBus(2);
                FakeMatching matching = new FakeMatching(bus)) {
            new ApplicationContextRunner()
                    .withUserConfiguration(HistoryServiceConfiguration.class)
                    .withBean(DataSource.class, () -> dataSource)
                    .withBean(MessageBus.class, () -> bus)
                    .withPropertyValues(
                            "perdura.history.shard-count=4",
                            "perdura.history.default-workflow-task-timeout=7s",
                            "perdura.history.owner-id=test-owner")
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(context).hasSingleBean(HistoryEngine.class);
                        HistoryProperties properties = context.getBean(HistoryProperties.class);
                        assertThat(properties.getShardCount()).isEqualTo(4);
                        assertThat(properties.getDefaultWorkflowTaskTimeout()).isEqualTo(Duration.ofSeconds(7));
                        HistoryServer server = context.getBean(HistoryServer.class);
                        assertThat(server.isRunning()).isTrue();
                        assertThat(server.shards().ownedShardIds()).containsExactly(0, 1, 2, 3);
                        var health = context.getBean("historyHealthIndicator", HealthIndicator.class)
                                .health();
                        assertThat(health.getStatus()).isEqualTo(Status.UP);
                        assertThat(health.getDetails())
                                .containsEntry("ownedShards", List.of(0, 1, 2, 3))
                                .containsEntry("shardsAwaitingAcquisition", Set.of())
                                .containsEntry("shardCount", 4);

                        var client = new HistoryClient(bus);
                        var started = client.startWorkflowExecution(new StartWorkflowExecution(
                                        "default",
                                        "wired",
                                        new StartWorkflowRequest(
                                                "Hello", "q", Json.array(), null, null, null, null, null)))
                                .get();
                        assertThat(matching.nextWorkflowTask("wired", Duration.ofSeconds(10))
                                        .runId())
                                .isEqualTo(started.runId());
                        var error = AbstractHistoryEngineTests.errorOf(
                                () -> AbstractHistoryEngineTests.join(client.describeWorkflowExecution(
                                        new DescribeWorkflowExecution("default", "nope", null))));
                        assertThat(error).isEqualTo(ErrorType.NOT_FOUND);
                    });
        }
    }

    @Test
    void healthIsUpWhileRunningThoughAnotherReplicaOwnsTheShards() {
        try (HikariDataSource dataSource = TestDatabases.h2();
                ManualPartitionBus bus = new ManualPartitionBus(2)) {
            new ApplicationContextRunner()
                    .withUserConfiguration(HistoryServiceConfiguration.class)
                    .withBean(DataSource.class, () -> dataSource)
                    .withBean(MessageBus.class, () -> bus)
                    .withPropertyValues("perdura.history.shard-count=4")
                    .run(context -> {
                        var indicator = context.getBean("historyHealthIndicator", HealthIndicator.class);
                        var health = indicator.health();
                        assertThat(health.getStatus()).isEqualTo(Status.UP);
                        assertThat(health.getDetails())
                                .containsEntry("ownedShards", List.of())
                                .containsEntry("shardCount", 4);

                        bus.assign(1);
                        assertThat(indicator.health().getDetails()).containsEntry("ownedShards", List.of(1, 3));
                        context.getBean(HistoryServer.class).stop();
                        assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
                    });
        }
    }

    @Test
    void refusesToStartWhenThePartitionsDoNotDivideTheShardCount() {
        try (HikariDataSource dataSource = TestDatabases.h2();
                InJvmMessageBus bus = new InJvmMessageBus(3)) {
            new ApplicationContextRunner()
                    .withUserConfiguration(HistoryServiceConfiguration.class)
                    .withBean(DataSource.class, () -> dataSource)
                    .withBean(MessageBus.class, () -> bus)
                    .withPropertyValues("perdura.history.shard-count=4")
                    .run(context -> assertThat(context)
                            .hasFailed()
                            .getFailure()
                            .rootCause()
                            .hasMessageContaining("must be a multiple of the number of partitions"));
        }
    }
}
