package io.perdura.history.engine;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Runs requests off the caller's thread while keeping them in order per key: a request starts only
 * after the synchronous part of the previous request with the same key finished. This frees a bus
 * partition thread while a request waits for its (group) commit, so that requests of many workflows
 * commit together, without reordering the requests of one workflow.
 */
final class KeyOrderedExecutor {

    private final Executor executor;
    private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    KeyOrderedExecutor(Executor executor) {
        this.executor = executor;
    }

    /** Must be called in key order (as a bus partition delivers); {@code task} may return a later-completing future. */
    <T> CompletableFuture<T> submit(String key, Supplier<CompletableFuture<T>> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture<Void> previous = tails.put(key, done);
        Runnable run = () -> {
            try {
                task.get().whenComplete((value, error) -> {
                    if (error != null) {
                        result.completeExceptionally(error);
                    } else {
                        result.complete(value);
                    }
                });
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            } finally {
                tails.remove(key, done);
                done.complete(null);
            }
        };
        if (previous == null) {
            executor.execute(run);
        } else {
            previous.whenComplete((ignored, error) -> executor.execute(run));
        }
        return result;
    }

    /** How many keys have a request queued or running. */
    int activeKeys() {
        return tails.size();
    }
}
