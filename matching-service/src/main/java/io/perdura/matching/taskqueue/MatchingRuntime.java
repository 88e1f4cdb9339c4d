package io.perdura.matching.taskqueue;

import io.perdura.matching.MatchingProperties;
import io.perdura.matching.persistence.TaskBacklogStore;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What every task queue of one engine shares: the timer of long polls and queries, the executor of
 * store calls (so that no message-bus thread waits on the database), the group-committing backlog
 * writer, settings and metrics.
 */
final class MatchingRuntime implements AutoCloseable {

    private final ScheduledThreadPoolExecutor timer;
    private final ExecutorService storeExecutor;
    private final BacklogWriter writer;
    private final int readBatchSize;
    private final Duration retryDelay;
    private final Duration rescanInterval;
    private final Duration syncMatchWait;
    private final MatchingMetrics metrics;

    MatchingRuntime(TaskBacklogStore store, MatchingProperties properties, MatchingMetrics metrics) {
        int readBatchSize = properties.getBacklogReadBatchSize();
        int writeBatchSize = properties.getBacklogWriteBatchSize();
        if (readBatchSize < 1 || writeBatchSize < 1) {
            throw new IllegalArgumentException("backlog batch sizes must be >= 1");
        }
        if (!properties.getBacklogRescanInterval().isPositive()) {
            throw new IllegalArgumentException("the backlog rescan interval must be positive");
        }
        this.timer = new ScheduledThreadPoolExecutor(
                1,
                Thread.ofPlatform().name("perdura-matching-timer").daemon(true).factory());
        this.timer.setRemoveOnCancelPolicy(true);
        this.storeExecutor = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("perdura-matching-store-", 0).factory());
        this.writer = new BacklogWriter(store, storeExecutor, writeBatchSize);
        this.readBatchSize = readBatchSize;
        this.retryDelay = properties.getBacklogRetryDelay();
        this.rescanInterval = properties.getBacklogRescanInterval();
        this.syncMatchWait = properties.getSyncMatchWait();
        this.metrics = metrics;
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    BacklogWriter writer() {
        return writer;
    }

    /** How long a new task waits in memory for a poller before it is stored; zero stores at once. */
    Duration syncMatchWait() {
        return syncMatchWait;
    }

    int readBatchSize() {
        return readBatchSize;
    }

    /** How long after a read from its start a backlog read to its end is read from the start again. */
    Duration rescanInterval() {
        return rescanInterval;
    }

    MatchingMetrics metrics() {
        return metrics;
    }

    /** Runs a store call off the caller's thread. */
    <T> CompletableFuture<T> onStoreExecutor(Supplier<T> call) {
        try {
            return CompletableFuture.supplyAsync(call, storeExecutor);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(MatchingErrors.stopping());
        }
    }

    /** Runs {@code action} after the retry delay, unless the engine has stopped. */
    void later(Runnable action) {
        afterNanos(retryDelay.toNanos(), action);
    }

    /** Runs {@code action} after {@code delay} nanoseconds, unless the engine has stopped. */
    void afterNanos(long delay, Runnable action) {
        try {
            timer.schedule(action, delay, TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) {
            // stopped: nothing to run
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        storeExecutor.shutdown();
        try {
            storeExecutor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
