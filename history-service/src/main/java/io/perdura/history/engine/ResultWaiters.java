package io.perdura.history.engine;

import io.perdura.common.api.WorkflowResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** Long-polling result requests, completed after the closing commit of their run or on timeout. */
final class ResultWaiters {

    private final Map<String, List<CompletableFuture<WorkflowResult>>> waiters = new ConcurrentHashMap<>();

    /** Registers a waiter; must be called holding the run's lock, after checking it is open. */
    CompletableFuture<WorkflowResult> await(String runId, Duration timeout, WorkflowResult running) {
        CompletableFuture<WorkflowResult> future = new CompletableFuture<>();
        waiters.computeIfAbsent(runId, id -> new CopyOnWriteArrayList<>()).add(future);
        future.completeOnTimeout(running, timeout.toMillis(), TimeUnit.MILLISECONDS);
        future.whenComplete((result, error) -> waiters.computeIfPresent(runId, (id, list) -> {
            list.remove(future);
            return list.isEmpty() ? null : list;
        }));
        return future;
    }

    void complete(String runId, WorkflowResult result) {
        List<CompletableFuture<WorkflowResult>> list = waiters.remove(runId);
        if (list != null) {
            list.forEach(f -> f.complete(result));
        }
    }

    int size() {
        return waiters.values().stream().mapToInt(List::size).sum();
    }
}
