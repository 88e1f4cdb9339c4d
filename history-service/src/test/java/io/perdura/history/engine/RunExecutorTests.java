package io.perdura.history.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.perdura.common.error.ErrorType;
import io.perdura.common.error.PerduraException;
import io.perdura.common.history.EventAttributes.WorkflowExecutionSignaled;
import io.perdura.common.history.EventAttributes.WorkflowExecutionStarted;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import io.perdura.common.model.WorkflowExecutionKey;
import io.perdura.history.HistoryServer;
import io.perdura.history.TestDatabases;
import io.perdura.history.mutablestate.ExecutionInfo;
import io.perdura.history.mutablestate.MutableState;
import io.perdura.history.persistence.ExecutionStore;
import io.perdura.history.persistence.JdbcExecutionStore;
import io.perdura.history.persistence.JdbcShardStore;
import io.perdura.history.shard.ShardController;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A request in progress when its shard is released changes nothing and fails UNAVAILABLE. */
class RunExecutorTests {

    private HikariDataSource dataSource;
    private ExecutionStore store;
    private ShardController shards;
    private final List<RunUpdate> committed = new CopyOnWriteArrayList<>();
    private RunExecutor executor;

    @BeforeEach
    void setUp() {
        dataSource = TestDatabases.h2();
        HistoryServer.migrate(dataSource);
        store = new JdbcExecutionStore(dataSource);
        shards = new ShardController(new JdbcShardStore(dataSource), 2, "test");
        shards.acquire(List.of(0, 1));
        executor = new RunExecutor(store, shards, new MutableStateCache(10), Clock.systemUTC(), committed::add);
    }

    @AfterEach
    void tearDown() {
        dataSource.close();
    }

    @Test
    void aShardReleasedWhileARequestRunsFailsItWithoutACommit() {
        var key = new WorkflowExecutionKey("default", "wf-1", "run-1");
        int shardId = shards.shardOf(key.namespace(), key.workflowId());
        executor.withLock(key.namespace(), key.workflowId(), () -> {
            executor.create(startUpdate(key, shardId), null, null);
            return null;
        });

        assertThatThrownBy(() -> executor.update(key.namespace(), key.workflowId(), key.runId(), update -> {
                    update.addExternalEvent(new WorkflowExecutionSignaled("late", Json.array(), "client"));
                    shards.release(List.of(shardId));
                    return null;
                }))
                .isInstanceOfSatisfying(
                        PerduraException.class, e -> assertThat(e.errorType()).isEqualTo(ErrorType.UNAVAILABLE));

        assertThat(store.readEvents(key.runId(), 1, 10))
                .extracting(HistoryEvent::eventId)
                .containsExactly(1L);
        assertThat(store.getExecution(key.namespace(), key.workflowId(), key.runId())
                        .orElseThrow()
                        .dbVersion())
                .isEqualTo(1);
        assertThat(committed).hasSize(1);
        assertThatThrownBy(() -> executor.withLock(key.namespace(), key.workflowId(), () -> null))
                .isInstanceOfSatisfying(
                        PerduraException.class, e -> assertThat(e.errorType()).isEqualTo(ErrorType.UNAVAILABLE));
    }

    private RunUpdate startUpdate(WorkflowExecutionKey key, int shardId) {
        var now = Clock.systemUTC().instant();
        var state = new MutableState(
                new ExecutionInfo(key, shardId, "Hello", "q", now, Duration.ofSeconds(10), null, null));
        var update = new RunUpdate(state, shards.shard(shardId), now);
        update.addEvent(new WorkflowExecutionStarted(
                "Hello", "q", Json.array(), null, null, Duration.ofSeconds(10), null, null));
        return update;
    }
}
