package io.perdura.history.engine;

import io.perdura.common.error.ErrorType;
import io.perdura.common.error.PerduraException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Long polls about runs (a result, a run's workflow tasks catching up), completed by a commit of
 * their run, on timeout with the caller's value, or with UNAVAILABLE when their run's shard is
 * released (the caller asks the shard's next owner).
 */
final class RunWaiters<T> {

    private final Map<String, Waiting<T>> waiters = new ConcurrentHashMap<>();

    private record Waiting<T>(int shardId, List<CompletableFuture<T>> futures) {}

    /** Registers a waiter; must be called holding the run's lock, after checking it still waits. */
    CompletableFuture<T> await(int shardId, String runId, Duration timeout, T onTimeout) {
        CompletableFuture<T> future = new CompletableFuture<>();
        waiters.computeIfAbsent(runId, id -> new Waiting<>(shardId, new CopyOnWriteArrayList<>()))
                .futures()
                .add(future);
        future.completeOnTimeout(onTimeout, timeout.toMillis(), TimeUnit.MILLISECONDS);
        future.whenComplete((result, error) -> waiters.computeIfPresent(runId, (id, run) -> {
            run.futures().remove(future);
            return run.futures().isEmpty() ? null : run;
        }));
        return future;
    }

    void complete(String runId, T result) {
        Waiting<T> run = waiters.remove(runId);
        if (run != null) {
            run.futures().forEach(f -> f.complete(result));
        }
    }

    /** Fails the waiters registered under {@code key}. */
    void fail(String key, RuntimeException error) {
        Waiting<T> run = waiters.remove(key);
        if (run != null) {
            run.futures().forEach(f -> f.completeExceptionally(error));
        }
    }

    /** Fails the waiters of runs on {@code shardIds} with UNAVAILABLE. */
    void shardsReleased(Set<Integer> shardIds) {
        waiters.forEach((runId, run) -> {
            if (shardIds.contains(run.shardId()) && waiters.remove(runId, run)) {
                PerduraException error = new PerduraException(
                        ErrorType.UNAVAILABLE, "shard " + run.shardId() + " moved to another owner; ask again");
                run.futures().forEach(f -> f.completeExceptionally(error));
            }
        });
    }

    int size() {
        return waiters.values().stream().mapToInt(run -> run.futures().size()).sum();
    }
}
