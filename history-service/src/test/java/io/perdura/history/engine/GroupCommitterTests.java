package io.perdura.history.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.perdura.common.history.EventAttributes.WorkflowExecutionSignaled;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import io.perdura.common.model.WorkflowExecutionKey;
import io.perdura.common.model.WorkflowStatus;
import io.perdura.history.HistoryServer;
import io.perdura.history.TestDatabases;
import io.perdura.history.persistence.ConditionFailedException;
import io.perdura.history.persistence.ExecutionChange;
import io.perdura.history.persistence.ExecutionRecord;
import io.perdura.history.persistence.ExecutionStore;
import io.perdura.history.persistence.ExecutionWrite;
import io.perdura.history.persistence.JdbcExecutionStore;
import io.perdura.history.persistence.JdbcShardStore;
import io.perdura.history.persistence.ShardFence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class GroupCommitterTests {

    @Test
    void concurrentChangesCommitTogetherAndAConflictFailsOnlyItsOwner() throws Exception {
        try (HikariDataSource dataSource = TestDatabases.h2();
                var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            HistoryServer.migrate(dataSource);
            ExecutionStore store = new JdbcExecutionStore(dataSource);
            var fence = new ShardFence(0, new JdbcShardStore(dataSource).acquire(0, "test"));
            List<WorkflowExecutionKey> keys = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                var key = new WorkflowExecutionKey("default", "wf-" + i, "run-" + i);
                keys.add(key);
                store.createExecution(fence, record(key, 2, 1), null, null, write(1));
            }
            var committer = new GroupCommitter(store, 8);
            var go = new CountDownLatch(1);
            List<CompletableFuture<Void>> outcomes = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                var key = keys.get(i);
                long expected = i == 7 ? 5 : 1;
                outcomes.add(CompletableFuture.runAsync(
                        () -> {
                            try {
                                go.await();
                            } catch (InterruptedException e) {
                                throw new IllegalStateException(e);
                            }
                            committer.commit(new ExecutionChange.Update(fence, record(key, 3, 2), expected, write(2)));
                        },
                        threads));
            }
            go.countDown();

            for (int i = 0; i < outcomes.size(); i++) {
                var outcome = outcomes.get(i);
                if (i == 7) {
                    assertThat(outcome)
                            .failsWithin(java.time.Duration.ofSeconds(10))
                            .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                            .withCauseInstanceOf(ConditionFailedException.class);
                } else {
                    assertThat(outcome).succeedsWithin(java.time.Duration.ofSeconds(10));
                }
            }
            for (int i = 0; i < keys.size(); i++) {
                assertThat(store.readEvents(keys.get(i).runId(), 1, 10)).hasSize(i == 7 ? 1 : 2);
            }
        }
    }

    private static ExecutionRecord record(WorkflowExecutionKey key, long nextEventId, long version) {
        return new ExecutionRecord(
                key, 0, WorkflowStatus.RUNNING, "Hello", "q", 1000, null, nextEventId, version, "{}");
    }

    private static ExecutionWrite write(long eventId) {
        return new ExecutionWrite(
                List.of(new HistoryEvent(
                        eventId, Instant.now(), new WorkflowExecutionSignaled("s", Json.array(), null))),
                List.of(),
                List.of(),
                List.of());
    }
}
