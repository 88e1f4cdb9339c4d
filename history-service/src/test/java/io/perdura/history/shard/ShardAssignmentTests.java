package io.perdura.history.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.perdura.history.persistence.ShardStore;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

/** Partitions assigned and revoked, with a database that is sometimes down. */
class ShardAssignmentTests {

    private final FlakyShardStore store = new FlakyShardStore();
    private final ShardController shards = new ShardController(store, 4, "me");
    private final RecordingListener listener = new RecordingListener();
    private final ShardAssignment assignment = new ShardAssignment(
            shards, new PartitionShards(4, 2), listener, Duration.ofMillis(20), Duration.ofMillis(80));

    @AfterEach
    void close() {
        assignment.close();
    }

    @Test
    void assignedPartitionsAreAcquiredBeforeTheCallReturnsAndRevokedOnesReleased() {
        assignment.assigned(Set.of(1));

        assertThat(shards.ownedShardIds()).containsExactly(1, 3);
        assertThat(store.rangeId(1)).isEqualTo(1);
        assertThat(shards.shard(3).rangeId()).isEqualTo(1);
        assertThat(listener.acquired).containsExactly(Set.of(1, 3));

        assignment.assigned(Set.of(0));
        assignment.revoked(Set.of(1));

        assertThat(shards.ownedShardIds()).containsExactly(0, 2);
        assertThat(listener.acquired).containsExactly(Set.of(1, 3), Set.of(0, 2));
        assertThat(listener.released).containsExactly(Set.of(1, 3));
        assertThat(assignment.awaitingShards()).isEmpty();
    }

    @Test
    void whileTheDatabaseIsDownAcquisitionIsRetriedInTheBackground() {
        store.failNext(3);

        assignment.assigned(Set.of(0));

        assertThat(shards.ownedShardIds()).isEmpty();
        assertThat(assignment.awaitingShards()).containsExactlyInAnyOrder(0, 2);
        assertThat(listener.acquired).isEmpty();
        await().atMost(Duration.ofSeconds(5)).until(() -> shards.ownedShardIds().equals(List.of(0, 2)));
        assertThat(store.attempts.get()).isEqualTo(4);
        assertThat(assignment.awaitingShards()).isEmpty();
        assertThat(listener.acquired).containsExactly(Set.of(0, 2));
    }

    @Test
    void aRevokedPartitionIsNoLongerRetried() {
        store.failNext(Integer.MAX_VALUE);
        assignment.assigned(Set.of(0, 1));
        assignment.revoked(Set.of(0));
        assertThat(assignment.awaitingShards()).containsExactlyInAnyOrder(1, 3);

        assignment.revoked(Set.of(1));
        int attempts = store.attempts.get();
        store.failNext(0);

        await().during(Duration.ofMillis(300))
                .atMost(Duration.ofSeconds(2))
                .until(() -> store.attempts.get() == attempts);
        assertThat(shards.ownedShardIds()).isEmpty();
        assertThat(listener.acquired).isEmpty();
        assertThat(assignment.awaitingShards()).isEmpty();
    }

    /** A shard table in memory whose next acquisitions fail as if the database were down. */
    private static final class FlakyShardStore implements ShardStore {

        private final Map<Integer, Long> rangeIds = new ConcurrentHashMap<>();
        private final AtomicInteger failures = new AtomicInteger();
        private final AtomicInteger attempts = new AtomicInteger();

        void failNext(int count) {
            failures.set(count);
        }

        @Override
        public long acquire(int shardId, String owner) {
            return acquire(List.of(shardId), owner).get(shardId);
        }

        @Override
        public synchronized Map<Integer, Long> acquire(Collection<Integer> shardIds, String owner) {
            attempts.incrementAndGet();
            if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new DataAccessResourceFailureException("database down for the test");
            }
            Map<Integer, Long> acquired = new TreeMap<>();
            for (int shardId : shardIds) {
                acquired.put(shardId, rangeIds.merge(shardId, 1L, Long::sum));
            }
            return acquired;
        }

        @Override
        public long rangeId(int shardId) {
            return rangeIds.getOrDefault(shardId, -1L);
        }
    }

    private static final class RecordingListener implements ShardListener {

        private final List<Set<Integer>> acquired = new CopyOnWriteArrayList<>();
        private final List<Set<Integer>> released = new CopyOnWriteArrayList<>();

        @Override
        public void acquired(Set<Integer> shardIds) {
            acquired.add(Set.copyOf(shardIds));
        }

        @Override
        public void released(Set<Integer> shardIds) {
            released.add(Set.copyOf(shardIds));
        }
    }
}
