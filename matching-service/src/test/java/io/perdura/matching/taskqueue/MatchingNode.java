package io.perdura.matching.taskqueue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.perdura.common.messaging.InJvmMessageBus;
import io.perdura.common.messaging.MessageBus;
import io.perdura.common.messaging.Topics;
import io.perdura.common.service.HistoryClient;
import io.perdura.common.service.HistoryRequestHandler;
import io.perdura.common.service.MatchingClient;
import io.perdura.common.service.MatchingRequestHandler;
import io.perdura.matching.MatchingProperties;
import io.perdura.matching.persistence.JdbcTaskBacklogStore;
import java.time.Duration;
import javax.sql.DataSource;

/** One running matching engine on a real in-JVM bus, with a fake history subscribed beside it. */
final class MatchingNode implements AutoCloseable {

    final InJvmMessageBus bus = new InJvmMessageBus(4);
    final FakeHistory history = new FakeHistory();
    final CountingBacklogStore store;
    final MatchingEngine engine;
    final MatchingClient matching = new MatchingClient(bus);
    private final MessageBus.Subscription historySubscription;
    private final MessageBus.Subscription matchingSubscription;

    MatchingNode(DataSource dataSource, MatchingProperties properties) {
        store = new CountingBacklogStore(new JdbcTaskBacklogStore(dataSource));
        engine = new MatchingEngine(new HistoryClient(bus), store, properties, new SimpleMeterRegistry());
        historySubscription = bus.subscribe(Topics.HISTORY, new HistoryRequestHandler(history));
        matchingSubscription = bus.subscribe(
                Topics.MATCHING,
                new MatchingRequestHandler(engine),
                new TaskQueueOwnership(engine, bus.partitions(Topics.MATCHING), Duration.ofSeconds(5)));
    }

    @Override
    public void close() {
        matchingSubscription.close();
        engine.close();
        historySubscription.close();
        bus.close();
    }
}
