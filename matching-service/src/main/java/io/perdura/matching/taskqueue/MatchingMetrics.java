package io.perdura.matching.taskqueue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.perdura.matching.persistence.TaskQueueKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counters of matching, tagged by queue kind and outcome (never by workflow or run id):
 * {@code perdura.matching.tasks.added}, {@code perdura.matching.polls},
 * {@code perdura.matching.queries}.
 */
final class MatchingMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    MatchingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** outcome: sync-match, backlog, duplicate or stale. */
    void taskAdded(TaskQueueKey queue, String outcome) {
        count("perdura.matching.tasks.added", queue, outcome);
    }

    /** outcome: task or empty. */
    void polled(TaskQueueKey queue, String outcome) {
        count("perdura.matching.polls", queue, outcome);
    }

    void queryDelivered(TaskQueueKey queue) {
        count("perdura.matching.queries", queue, "delivered");
    }

    /** outcome: answered, failed or timed-out. */
    void queryEnded(TaskQueueKey queue, String outcome) {
        count("perdura.matching.queries", queue, outcome);
    }

    private void count(String name, TaskQueueKey queue, String outcome) {
        String kind = queue.kind().name().toLowerCase();
        counters.computeIfAbsent(
                        name + '|' + kind + '|' + outcome,
                        k -> Counter.builder(name)
                                .tag("kind", kind)
                                .tag("outcome", outcome)
                                .register(registry))
                .increment();
    }
}
