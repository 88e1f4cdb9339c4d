package io.perdura.matching.taskqueue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.perdura.matching.persistence.TaskQueueKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counters of matching, tagged by queue kind and outcome (never by workflow or run id):
 * {@code perdura.matching.tasks.added}, {@code perdura.matching.polls},
 * {@code perdura.matching.queries}, and {@code perdura.matching.queues.released} (tagged by kind
 * only): task queues let go because their partition moved to another replica.
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

    /** outcome: answered, failed, timed-out or released (its queue moved to another replica). */
    void queryEnded(TaskQueueKey queue, String outcome) {
        count("perdura.matching.queries", queue, outcome);
    }

    void queueReleased(TaskQueueKey queue) {
        String kind = kind(queue);
        counters.computeIfAbsent(
                        "perdura.matching.queues.released|" + kind,
                        k -> Counter.builder("perdura.matching.queues.released")
                                .tag("kind", kind)
                                .register(registry))
                .increment();
    }

    private void count(String name, TaskQueueKey queue, String outcome) {
        String kind = kind(queue);
        counters.computeIfAbsent(
                        name + '|' + kind + '|' + outcome,
                        k -> Counter.builder(name)
                                .tag("kind", kind)
                                .tag("outcome", outcome)
                                .register(registry))
                .increment();
    }

    private static String kind(TaskQueueKey queue) {
        return queue.kind().name().toLowerCase();
    }
}
