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
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
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

    @Test
    void aLeaderLingersForAPreparedUpdateAndCommitsItInTheSameTransaction() throws Exception {
        try (HikariDataSource dataSource = TestDatabases.h2();
                var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            HistoryServer.migrate(dataSource);
            List<Integer> transactions = new CopyOnWriteArrayList<>();
            ExecutionStore store = counting(new JdbcExecutionStore(dataSource), transactions);
            var fence = new ShardFence(0, new JdbcShardStore(dataSource).acquire(0, "test"));
            var first = new WorkflowExecutionKey("default", "wf-a", "run-a");
            var second = new WorkflowExecutionKey("default", "wf-b", "run-b");
            store.createExecution(fence, record(first, 2, 1), null, null, write(1));
            store.createExecution(fence, record(second, 2, 1), null, null, write(1));
            transactions.clear();
            var committer = new GroupCommitter(store, 8, Duration.ofMinutes(1));

            committer.prepare(); // an update of `second` is in progress
            var leaderThread = new CompletableFuture<Thread>();
            CompletableFuture<Void> leader = CompletableFuture.runAsync(
                    () -> {
                        leaderThread.complete(Thread.currentThread());
                        committer.commit(new ExecutionChange.Update(fence, record(first, 3, 2), 1, write(2)));
                    },
                    threads);
            awaitLingering(leaderThread.get());
            assertThat(leader).isNotDone();
            committer.commitPrepared(List.of(new ExecutionChange.Update(fence, record(second, 3, 2), 1, write(2))));

            assertThat(leader).succeedsWithin(Duration.ofSeconds(10));
            assertThat(transactions).containsExactly(2);
            assertThat(store.readEvents(first.runId(), 1, 10)).hasSize(2);
            assertThat(store.readEvents(second.runId(), 1, 10)).hasSize(2);
        }
    }

    @Test
    void aLeaderCommitsAtOnceWhenNothingIsPreparedOrThePreparedUpdateIsAbandoned() throws Exception {
        try (HikariDataSource dataSource = TestDatabases.h2();
                var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            HistoryServer.migrate(dataSource);
            List<Integer> transactions = new CopyOnWriteArrayList<>();
            ExecutionStore store = counting(new JdbcExecutionStore(dataSource), transactions);
            var fence = new ShardFence(0, new JdbcShardStore(dataSource).acquire(0, "test"));
            var key = new WorkflowExecutionKey("default", "wf-a", "run-a");
            store.createExecution(fence, record(key, 2, 1), null, null, write(1));
            transactions.clear();
            var committer = new GroupCommitter(store, 8, Duration.ofMinutes(10));

            assertThat(CompletableFuture.runAsync(
                            () -> committer.commit(new ExecutionChange.Update(fence, record(key, 3, 2), 1, write(2))),
                            threads))
                    .succeedsWithin(Duration.ofSeconds(30));

            committer.prepare();
            var leaderThread = new CompletableFuture<Thread>();
            CompletableFuture<Void> leader = CompletableFuture.runAsync(
                    () -> {
                        leaderThread.complete(Thread.currentThread());
                        committer.commit(new ExecutionChange.Update(fence, record(key, 4, 3), 2, write(3)));
                    },
                    threads);
            awaitLingering(leaderThread.get());
            assertThat(leader).isNotDone();
            committer.abandon();
            assertThat(leader).succeedsWithin(Duration.ofSeconds(30));
            assertThat(transactions).containsExactly(1, 1);
        }
    }

    /** Until {@code leader} waits with a timeout: it lingers, as the leader of a transaction. */
    private static void awaitLingering(Thread leader) throws InterruptedException {
        for (int i = 0; i < 1000 && leader.getState() != Thread.State.TIMED_WAITING; i++) {
            Thread.sleep(10);
        }
        assertThat(leader.getState()).isEqualTo(Thread.State.TIMED_WAITING);
    }

    /** The store, recording the number of changes of each {@code commit}. */
    private static ExecutionStore counting(ExecutionStore store, List<Integer> transactions) {
        return (ExecutionStore) Proxy.newProxyInstance(
                ExecutionStore.class.getClassLoader(), new Class<?>[] {ExecutionStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("commit")) {
                        transactions.add(((List<?>) args[0]).size());
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
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
