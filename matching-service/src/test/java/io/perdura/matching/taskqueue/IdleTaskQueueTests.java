package io.perdura.matching.taskqueue;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.perdura.common.api.WorkflowTask;
import io.perdura.common.service.MatchingRequest.AddWorkflowTask;
import io.perdura.common.service.MatchingRequest.PollWorkflowTaskQueue;
import io.perdura.matching.MatchingProperties;
import io.perdura.matching.persistence.MatchingFlyway;
import io.perdura.matching.persistence.TestDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Idle task queues, sticky ones above all (ADR 28), leave matching's memory; their backlog stays. */
class IdleTaskQueueTests {

    private static final String NAMESPACE = "default";

    private final MatchingProperties properties = new MatchingProperties();
    private HikariDataSource dataSource;
    private MatchingNode node;

    @BeforeEach
    void startNode() {
        dataSource =
                TestDatabases.h2("matching_idle_" + UUID.randomUUID().toString().replace("-", ""));
        MatchingFlyway.migrate(dataSource);
        properties.setSyncMatchWait(Duration.ofMillis(10));
        properties.setIdleQueueTimeout(Duration.ofHours(1)); // the test sweeps itself
        node = new MatchingNode(dataSource, properties);
    }

    @AfterEach
    void stopNode() {
        node.close();
        dataSource.close();
    }

    @Test
    void tenThousandShortLivedStickyQueuesLeaveTheQueueCountWhereItWas() throws Exception {
        CompletableFuture<WorkflowTask> normal = poll("orders", Duration.ofSeconds(30));
        int before = node.engine.liveQueues();
        List<CompletableFuture<WorkflowTask>> polls = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            polls.add(poll("worker-" + i + ":" + UUID.randomUUID(), Duration.ofMillis(1)));
        }
        for (CompletableFuture<WorkflowTask> poll : polls) {
            assertThat(poll.get(30, TimeUnit.SECONDS)).isNull();
        }
        assertThat(node.engine.liveQueues()).isEqualTo(before + 10_000);

        assertThat(node.engine.dropIdleQueues(Duration.ZERO)).isEqualTo(10_000);

        assertThat(node.engine.liveQueues()).isEqualTo(before);
        assertThat(normal).as("the queue with a waiting poll stays").isNotDone();
        node.engine
                .addWorkflowTask(new AddWorkflowTask(NAMESPACE, "orders", "wf-1", "run-wf-1", 2))
                .get(5, TimeUnit.SECONDS);
        assertThat(normal.get(5, TimeUnit.SECONDS).workflowId()).isEqualTo("wf-1");
    }

    @Test
    void aDroppedQueuesBacklogGoesToTheNextPoll() throws Exception {
        String sticky = "worker-1:" + UUID.randomUUID();
        node.engine
                .addWorkflowTask(new AddWorkflowTask(NAMESPACE, sticky, "wf-1", "run-wf-1", 2))
                .get(5, TimeUnit.SECONDS); // no poller: stored in the backlog
        int live = node.engine.liveQueues();

        assertThat(node.engine.dropIdleQueues(Duration.ZERO)).isEqualTo(1);
        assertThat(node.engine.liveQueues()).isEqualTo(live - 1);

        assertThat(poll(sticky, Duration.ofSeconds(10))
                        .get(15, TimeUnit.SECONDS)
                        .workflowId())
                .isEqualTo("wf-1");
    }

    @Test
    void aQueueUsedRecentlyStays() throws Exception {
        assertThat(poll("worker-1:" + UUID.randomUUID(), Duration.ofMillis(1)).get(5, TimeUnit.SECONDS))
                .isNull();
        assertThat(node.engine.dropIdleQueues(Duration.ofMinutes(1))).isZero();
    }

    private CompletableFuture<WorkflowTask> poll(String queue, Duration timeout) {
        return node.engine.pollWorkflowTaskQueue(new PollWorkflowTaskQueue(
                NAMESPACE, queue, "worker-1", UUID.randomUUID().toString(), timeout));
    }
}
