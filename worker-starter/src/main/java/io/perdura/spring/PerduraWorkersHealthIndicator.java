package io.perdura.spring;

import io.perdura.sdk.worker.PollerStatus;
import io.perdura.sdk.worker.Worker;
import io.perdura.sdk.worker.WorkerStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The health of the workers ({@code perdura}): DOWN when a worker's polls have failed in a row for
 * longer than the unreachable threshold (the server cannot be reached, or refuses them), else UP.
 * Details, by task queue and poller kind: pollers, slots used and available, last successful poll,
 * consecutive failures, failing since, last error.
 */
final class PerduraWorkersHealthIndicator implements HealthIndicator {

    private final ObjectProvider<PerduraWorkers> workers;
    private final Duration unreachableThreshold;

    PerduraWorkersHealthIndicator(ObjectProvider<PerduraWorkers> workers, Duration unreachableThreshold) {
        this.workers = workers;
        this.unreachableThreshold = unreachableThreshold;
    }

    @Override
    public Health health() {
        PerduraWorkers perduraWorkers = workers.getIfAvailable();
        if (perduraWorkers == null || !perduraWorkers.isRunning()) {
            return Health.unknown().withDetail("reason", "workers not started").build();
        }
        Instant now = Instant.now();
        boolean unreachable = false;
        Map<String, Object> queues = new TreeMap<>();
        for (Worker worker : perduraWorkers.workers().values()) {
            WorkerStatus status = worker.getStatus();
            Map<String, Object> pollers = new LinkedHashMap<>();
            for (PollerStatus poller : status.pollers()) {
                pollers.put(poller.kind().name().toLowerCase(java.util.Locale.ROOT), details(poller));
                unreachable |= poller.failingSince() != null
                        && Duration.between(poller.failingSince(), now).compareTo(unreachableThreshold) >= 0;
            }
            queues.put(status.taskQueue(), pollers);
        }
        Health.Builder health = unreachable ? Health.down() : Health.up();
        return health.withDetail("unreachableThreshold", unreachableThreshold.toString())
                .withDetail("taskQueues", queues)
                .build();
    }

    private static Map<String, Object> details(PollerStatus poller) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("pollers", poller.pollers());
        details.put("slotsUsed", poller.slotsUsed());
        details.put("slotsAvailable", poller.slotsAvailable());
        details.put(
                "lastSuccessfulPoll",
                poller.lastSuccessfulPoll() == null
                        ? "never"
                        : poller.lastSuccessfulPoll().toString());
        details.put("consecutiveFailures", poller.consecutiveFailures());
        if (poller.failingSince() != null) {
            details.put("failingSince", poller.failingSince().toString());
        }
        if (poller.lastError() != null) {
            details.put("lastError", poller.lastError());
        }
        return details;
    }
}
