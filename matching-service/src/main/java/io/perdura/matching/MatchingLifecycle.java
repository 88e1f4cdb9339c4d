package io.perdura.matching;

import io.perdura.common.messaging.MessageBus;
import io.perdura.common.messaging.Topics;
import io.perdura.common.service.MatchingRequestHandler;
import io.perdura.matching.persistence.MatchingFlyway;
import io.perdura.matching.taskqueue.MatchingEngine;
import io.perdura.matching.taskqueue.TaskQueueOwnership;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts matching: migrates its schema, then takes requests from {@link Topics#MATCHING} for the
 * partitions the bus gives this replica ({@link TaskQueueOwnership} reads their backlogs ahead and
 * releases the queues of partitions that move away); on stop, stops taking them and answers
 * waiting polls.
 */
final class MatchingLifecycle implements SmartLifecycle {

    /** Before the web server starts (so polls find matching ready), and stopped after it. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private static final Logger log = LoggerFactory.getLogger(MatchingLifecycle.class);

    private final DataSource dataSource;
    private final MessageBus bus;
    private final MatchingEngine engine;
    private final Duration releaseTimeout;
    private volatile MessageBus.Subscription subscription;

    MatchingLifecycle(DataSource dataSource, MessageBus bus, MatchingEngine engine, Duration releaseTimeout) {
        this.dataSource = dataSource;
        this.bus = bus;
        this.engine = engine;
        this.releaseTimeout = releaseTimeout;
    }

    @Override
    public synchronized void start() {
        if (subscription != null) {
            return;
        }
        MatchingFlyway.migrate(dataSource);
        TaskQueueOwnership ownership = new TaskQueueOwnership(engine, bus.partitions(Topics.MATCHING), releaseTimeout);
        subscription = bus.subscribe(Topics.MATCHING, new MatchingRequestHandler(engine), ownership);
        log.info("matching-service started on topic {}", Topics.MATCHING);
    }

    @Override
    public synchronized void stop() {
        if (subscription == null) {
            return;
        }
        subscription.close();
        subscription = null;
        engine.close();
        log.info("matching-service stopped");
    }

    @Override
    public boolean isRunning() {
        return subscription != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
