package io.perdura.matching.taskqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.perdura.common.api.WorkflowTask;
import io.perdura.common.service.MatchingRequest.AddWorkflowTask;
import io.perdura.common.service.MatchingRequest.PollWorkflowTaskQueue;
import io.perdura.common.service.MatchingRequest.TaskQueueKind;
import io.perdura.matching.MatchingProperties;
import io.perdura.matching.persistence.JdbcTaskBacklogStore;
import io.perdura.matching.persistence.MatchingFlyway;
import io.perdura.matching.persistence.TaskQueueKey;
import io.perdura.matching.persistence.TestDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Many adders and pollers at once: every task is delivered exactly once and nothing stays behind. */
class MatchingConcurrencyTests {

    private static final int TASKS = 2_000;
    private static final int POLLERS = 6;

    @Test
    void deliversEveryTaskOnceUnderConcurrentAddsAndPolls() throws Exception {
        try (HikariDataSource dataSource = TestDatabases.h2(
                "matching_concurrency_" + UUID.randomUUID().toString().replace("-", ""))) {
            MatchingFlyway.migrate(dataSource);
            MatchingProperties properties = new MatchingProperties();
            properties.setBacklogReadBatchSize(16);
            try (MatchingNode node = new MatchingNode(dataSource, properties)) {
                Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
                AtomicInteger delivered = new AtomicInteger();
                List<Thread> pollers = new ArrayList<>();
                for (int p = 0; p < POLLERS; p++) {
                    String identity = "worker-" + p;
                    pollers.add(Thread.ofVirtual().start(() -> {
                        while (delivered.get() < TASKS) {
                            WorkflowTask task = node.matching
                                    .pollWorkflowTaskQueue(new PollWorkflowTaskQueue(
                                            "default",
                                            "load",
                                            identity,
                                            UUID.randomUUID().toString(),
                                            Duration.ofMillis(200)))
                                    .join();
                            if (task != null) {
                                deliveries
                                        .computeIfAbsent(task.workflowId(), id -> new AtomicInteger())
                                        .incrementAndGet();
                                delivered.incrementAndGet();
                            }
                        }
                    }));
                }

                List<CompletableFuture<Void>> acks = new ArrayList<>();
                for (int i = 0; i < TASKS; i++) {
                    acks.add(node.matching.addWorkflowTask(
                            new AddWorkflowTask("default", "load", "wf-" + i, "run-" + i, 2)));
                    if (i % 10 == 0) {
                        Thread.sleep(1); // let pollers come back, so both sync match and the backlog are used
                    }
                }
                CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
                for (Thread poller : pollers) {
                    assertThat(poller.join(Duration.ofSeconds(30))).isTrue();
                }

                assertThat(deliveries).hasSize(TASKS);
                assertThat(deliveries.values())
                        .allSatisfy(count -> assertThat(count).hasValue(1));
                assertThat(node.history.started).hasSize(TASKS);
                TaskQueueKey queue = new TaskQueueKey("default", "load", TaskQueueKind.WORKFLOW);
                await().atMost(Duration.ofSeconds(10))
                        .untilAsserted(() -> assertThat(new JdbcTaskBacklogStore(dataSource).read(queue, 0, 10))
                                .isEmpty());
            }
        }
    }
}
