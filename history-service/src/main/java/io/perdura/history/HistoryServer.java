package io.perdura.history;

import io.perdura.common.messaging.MessageBus;
import io.perdura.common.messaging.Topics;
import io.perdura.common.service.HistoryClient;
import io.perdura.common.service.HistoryRequestHandler;
import io.perdura.common.service.MatchingClient;
import io.perdura.history.engine.HistoryEngine;
import io.perdura.history.persistence.HistoryFlyway;
import io.perdura.history.persistence.JdbcExecutionStore;
import io.perdura.history.persistence.JdbcNamespaceStore;
import io.perdura.history.persistence.JdbcShardStore;
import io.perdura.history.persistence.JdbcTaskStore;
import io.perdura.history.queue.OutboxRelay;
import io.perdura.history.queue.TimerQueue;
import io.perdura.history.shard.PartitionShards;
import io.perdura.history.shard.ShardAssignment;
import io.perdura.history.shard.ShardController;
import io.perdura.history.shard.ShardListener;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * history-service assembled from a DataSource and a MessageBus, with its start/stop sequence:
 * migrate, start the timer queue and outbox relay, subscribe to {@link Topics#HISTORY}; stop in
 * reverse. Shard ownership follows the topic's partitions ({@link ShardAssignment}): the shards of
 * the partitions the bus assigns to this process are acquired, those of revoked partitions released.
 * Spring wires it through {@link HistoryServiceConfiguration}; tests use it directly.
 */
public final class HistoryServer {

    private static final Logger log = LoggerFactory.getLogger(HistoryServer.class);
    private static final Duration ACQUIRE_FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration ACQUIRE_MAX_BACKOFF = Duration.ofSeconds(5);

    private final DataSource dataSource;
    private final MessageBus bus;
    private final ShardController shards;
    private final TimerQueue timerQueue;
    private final OutboxRelay relay;
    private final HistoryEngine engine;
    private MessageBus.Subscription subscription;
    private volatile ShardAssignment assignment;
    private volatile boolean running;

    public HistoryServer(DataSource dataSource, MessageBus bus, HistoryProperties properties) {
        this(dataSource, bus, properties, Clock.systemUTC());
    }

    /**
     * @param clock the time that stamps events and makes timers due: the system clock in production,
     *     a test server's skipping clock in {@code perdura-testing}
     */
    public HistoryServer(DataSource dataSource, MessageBus bus, HistoryProperties properties, Clock clock) {
        this.dataSource = dataSource;
        this.bus = bus;
        String owner = properties.getOwnerId() != null
                ? properties.getOwnerId()
                : "history-" + UUID.randomUUID().toString().substring(0, 8);
        var taskStore = new JdbcTaskStore(dataSource);
        this.shards = new ShardController(new JdbcShardStore(dataSource), properties.getShardCount(), owner);
        this.timerQueue = new TimerQueue(
                taskStore,
                shards::ownedShardIds,
                properties.getTimer().getLookahead(),
                properties.getTimer().getLoadInterval(),
                properties.getTimer().getBatchSize(),
                clock);
        this.relay = new OutboxRelay(
                taskStore,
                new MatchingClient(bus),
                new HistoryClient(bus),
                shards::ownedShardIds,
                properties.getOutbox().getRescanInterval());
        this.engine = new HistoryEngine(
                new JdbcExecutionStore(dataSource),
                taskStore,
                new JdbcNamespaceStore(dataSource),
                shards,
                timerQueue,
                relay,
                clock,
                properties.getDefaultWorkflowTaskTimeout(),
                properties.getCacheSize());
    }

    /** Runs the history migrations (table {@code flyway_history_schema}; {@link HistoryFlyway}). */
    public static void migrate(DataSource dataSource) {
        HistoryFlyway.migrate(dataSource);
    }

    /**
     * Starts serving. Fails (IllegalStateException) when the shard count is not a multiple of the
     * history topic's partition count, since a shard must live on exactly one partition.
     */
    public synchronized void start() {
        if (running) {
            return;
        }
        var partitionShards = new PartitionShards(shards.shardCount(), bus.partitions(Topics.HISTORY));
        migrate(dataSource);
        timerQueue.start(engine::fireTimer);
        relay.start();
        assignment = new ShardAssignment(
                shards, partitionShards, new ShardFollower(), ACQUIRE_FIRST_BACKOFF, ACQUIRE_MAX_BACKOFF);
        subscription = bus.subscribe(Topics.HISTORY, new HistoryRequestHandler(engine), assignment);
        running = true;
        log.info(
                "history-service {} started: {} shards over {} partitions, owns {}",
                shards.owner(),
                shards.shardCount(),
                bus.partitions(Topics.HISTORY),
                shards.ownedShardIds());
    }

    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        assignment.close();
        relay.stop();
        timerQueue.stop();
        shards.release(shards.ownedShardIds());
        log.info("history-service {} stopped", shards.owner());
    }

    public boolean isRunning() {
        return running;
    }

    /** The shards the bus assigned to this process that could not be acquired yet (database down). */
    public Set<Integer> shardsAwaitingAcquisition() {
        ShardAssignment current = assignment;
        return current == null ? Set.of() : current.awaitingShards();
    }

    public HistoryEngine engine() {
        return engine;
    }

    public ShardController shards() {
        return shards;
    }

    public TimerQueue timerQueue() {
        return timerQueue;
    }

    public OutboxRelay relay() {
        return relay;
    }

    /** Makes the engine's caches, the timer queue and the outbox relay follow shard ownership. */
    private final class ShardFollower implements ShardListener {

        @Override
        public void acquired(Set<Integer> shardIds) {
            engine.shardsAcquired(shardIds);
            timerQueue.loadNow();
            relay.rescanNow(shardIds);
        }

        @Override
        public void released(Set<Integer> shardIds) {
            timerQueue.drop(shardIds);
            relay.forget(shardIds);
            engine.shardsReleased(shardIds);
        }
    }
}
