package io.perdura.history;

import io.perdura.common.messaging.MessageBus;
import io.perdura.common.messaging.Topics;
import io.perdura.common.service.HistoryRequestHandler;
import io.perdura.common.service.MatchingClient;
import io.perdura.history.engine.HistoryEngine;
import io.perdura.history.persistence.JdbcExecutionStore;
import io.perdura.history.persistence.JdbcNamespaceStore;
import io.perdura.history.persistence.JdbcShardStore;
import io.perdura.history.persistence.JdbcTaskStore;
import io.perdura.history.queue.OutboxRelay;
import io.perdura.history.queue.TimerQueue;
import io.perdura.history.shard.ShardController;
import java.time.Clock;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * history-service assembled from a DataSource and a MessageBus, with its start/stop sequence:
 * migrate, acquire shards, start the timer queue and outbox relay, subscribe to {@link
 * Topics#HISTORY}; stop in reverse. Spring wires it through {@link HistoryServiceConfiguration};
 * tests use it directly.
 */
public final class HistoryServer {

    private static final Logger log = LoggerFactory.getLogger(HistoryServer.class);

    private final DataSource dataSource;
    private final MessageBus bus;
    private final ShardController shards;
    private final TimerQueue timerQueue;
    private final OutboxRelay relay;
    private final HistoryEngine engine;
    private MessageBus.Subscription subscription;
    private volatile boolean running;

    public HistoryServer(DataSource dataSource, MessageBus bus, HistoryProperties properties) {
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
                properties.getTimer().getBatchSize());
        this.relay = new OutboxRelay(
                taskStore,
                new MatchingClient(bus),
                shards::ownedShardIds,
                properties.getOutbox().getRescanInterval());
        this.engine = new HistoryEngine(
                new JdbcExecutionStore(dataSource),
                taskStore,
                new JdbcNamespaceStore(dataSource),
                shards,
                timerQueue,
                relay,
                Clock.systemUTC(),
                properties.getDefaultWorkflowTaskTimeout(),
                properties.getCacheSize());
    }

    /** Runs the history migrations (table {@code flyway_history_schema}). */
    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/history")
                .table("flyway_history_schema")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        migrate(dataSource);
        shards.acquireAll();
        timerQueue.start(engine::fireTimer);
        relay.start();
        subscription = bus.subscribe(Topics.HISTORY, new HistoryRequestHandler(engine));
        running = true;
        log.info("history-service started with {} shards", shards.shardCount());
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
        relay.stop();
        timerQueue.stop();
        shards.releaseAll();
        log.info("history-service stopped");
    }

    public boolean isRunning() {
        return running;
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
}
