package io.perdura.matching.taskqueue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.perdura.common.messaging.Topics;
import io.perdura.common.service.HistoryService;
import io.perdura.common.service.MatchingRequestHandler;
import io.perdura.matching.MatchingProperties;
import io.perdura.matching.persistence.JdbcTaskBacklogStore;
import java.time.Duration;
import javax.sql.DataSource;

/** One matching replica of a cluster: its own engine over a shared database, history and bus. */
final class MatchingReplica implements AutoCloseable {

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final CountingBacklogStore store;
    final MatchingEngine engine;
    final TaskQueueOwnership ownership;
    final RebalancingMessageBus.Member subscription;

    MatchingReplica(
            RebalancingMessageBus bus, DataSource dataSource, HistoryService history, MatchingProperties properties) {
        store = new CountingBacklogStore(new JdbcTaskBacklogStore(dataSource));
        engine = new MatchingEngine(history, store, properties, registry);
        ownership = new TaskQueueOwnership(engine, bus.partitions(Topics.MATCHING), Duration.ofSeconds(5));
        subscription = bus.subscribe(Topics.MATCHING, new MatchingRequestHandler(engine), ownership);
    }

    /** perdura.matching.queues.released of workflow queues. */
    double releasedWorkflowQueues() {
        Counter counter = registry.find("perdura.matching.queues.released")
                .tag("kind", "workflow")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Override
    public void close() {
        subscription.close();
        engine.close();
    }
}
