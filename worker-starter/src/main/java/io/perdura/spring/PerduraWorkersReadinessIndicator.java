package io.perdura.spring;

import io.perdura.sdk.worker.Worker;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Whether the workers are ready ({@code perduraReadiness}): OUT_OF_SERVICE until every worker's
 * pollers have reached the server (a poll answered, or held by the server as a long poll), UP from
 * then on. Include it in the readiness group
 * ({@code management.endpoint.health.group.readiness.include=readinessState,perduraReadiness}) so that
 * an instance receives traffic only once its workers reach the server.
 */
final class PerduraWorkersReadinessIndicator implements HealthIndicator {

    private final ObjectProvider<PerduraWorkers> workers;
    private volatile boolean ready;

    PerduraWorkersReadinessIndicator(ObjectProvider<PerduraWorkers> workers) {
        this.workers = workers;
    }

    @Override
    public Health health() {
        if (ready) {
            return Health.up().build();
        }
        PerduraWorkers perduraWorkers = workers.getIfAvailable();
        if (perduraWorkers == null || !perduraWorkers.isRunning()) {
            return Health.outOfService()
                    .withDetail("reason", "workers not started")
                    .build();
        }
        List<String> waiting = perduraWorkers.workers().values().stream()
                .filter(worker -> !worker.getStatus().hasReachedServer())
                .map(Worker::getTaskQueue)
                .sorted()
                .toList();
        if (!waiting.isEmpty()) {
            return Health.outOfService().withDetail("waitingForServer", waiting).build();
        }
        ready = true; // once ready, the liveness of the polls is the perdura indicator's business
        return Health.up().build();
    }
}
