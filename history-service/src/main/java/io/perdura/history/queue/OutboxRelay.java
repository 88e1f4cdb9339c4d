package io.perdura.history.queue;

import io.perdura.common.service.HistoryService;
import io.perdura.common.service.MatchingRequest.AddActivityTask;
import io.perdura.common.service.MatchingRequest.AddWorkflowTask;
import io.perdura.common.service.MatchingService;
import io.perdura.history.persistence.TaskStore;
import io.perdura.history.persistence.TransferTask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands outbox rows to matching after their transaction committed, without waiting for the answer
 * (never blocks a bus partition), and deletes each row in batches once matching acknowledged it.
 * Rows about other workflows (children, external signals and cancels, parent close policies) go to
 * {@link HistoryTransfers}, and are deleted once their last step succeeded.
 * Rows left behind (a crash between commit and send, a failed send) are re-sent on start and every
 * rescan interval; matching treats a repeat as harmless. Rows follow shard ownership: a shard just
 * acquired is rescanned at once ({@link #rescanNow}), and the rows in flight of a shard released are
 * forgotten ({@link #forget}); its next owner sends what is left.
 */
public final class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 500;
    /** How long acknowledged rows gather before one DELETE removes them all. */
    private static final long DELETE_GATHER_MILLIS = 100;

    private final TaskStore store;
    private final MatchingService matching;
    private final HistoryTransfers transfers;
    private final Supplier<Collection<Integer>> shards;
    private final Duration rescanInterval;
    private final Set<RowId> inFlight = ConcurrentHashMap.newKeySet();
    private final BlockingQueue<TransferTask> acknowledged = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private Thread deleter;
    private ScheduledExecutorService rescanner;

    public OutboxRelay(
            TaskStore store,
            MatchingService matching,
            HistoryService history,
            Supplier<Collection<Integer>> shards,
            Duration rescanInterval) {
        this.store = store;
        this.matching = matching;
        this.transfers = new HistoryTransfers(history);
        this.shards = shards;
        this.rescanInterval = rescanInterval;
    }

    public void start() {
        running = true;
        deleter = Thread.ofPlatform().daemon().name("perdura-history-outbox").start(this::deleteAcknowledged);
        rescanner = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform()
                .daemon()
                .name("perdura-history-outbox-rescan")
                .unstarted(r));
        rescanner.scheduleWithFixedDelay(
                () -> rescan(shards.get()), 0, rescanInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void stop() {
        running = false;
        if (rescanner != null) {
            rescanner.shutdown();
            try {
                rescanner.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (deleter != null) {
            try {
                deleter.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        inFlight.clear();
    }

    /** Sends rows just committed. */
    public void send(List<TransferTask> tasks) {
        if (!running) {
            return;
        }
        for (TransferTask task : tasks) {
            if (inFlight.add(id(task))) {
                dispatch(task);
            }
        }
    }

    private void dispatch(TransferTask task) {
        CompletableFuture<Void> sent;
        try {
            var key = task.execution();
            sent = switch (task.type()) {
                case WORKFLOW_TASK ->
                    matching.addWorkflowTask(new AddWorkflowTask(
                            key.namespace(), task.taskQueue(), key.workflowId(), key.runId(), task.scheduledEventId()));
                case ACTIVITY_TASK ->
                    matching.addActivityTask(new AddActivityTask(
                            key.namespace(),
                            task.taskQueue(),
                            key.workflowId(),
                            key.runId(),
                            task.scheduledEventId(),
                            task.attempt()));
                case START_CHILD_EXECUTION,
                        SIGNAL_EXECUTION,
                        CANCEL_EXECUTION,
                        RECORD_CHILD_EXECUTION_COMPLETED,
                        PARENT_CLOSE_POLICY -> transfers.send(task);
            };
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((ok, error) -> {
            if (error == null) {
                acknowledged.add(task);
            } else {
                inFlight.remove(id(task));
                log.warn(
                        "{} of {} was not carried out; it is re-sent later: {}",
                        task.type(),
                        task.execution(),
                        error.getMessage());
            }
        });
    }

    private void deleteAcknowledged() {
        List<TransferTask> batch = new ArrayList<>(BATCH);
        while (running || !acknowledged.isEmpty()) {
            try {
                TransferTask first = acknowledged.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                if (running && acknowledged.size() < BATCH) {
                    Thread.sleep(DELETE_GATHER_MILLIS);
                }
            } catch (InterruptedException e) {
                return;
            }
            acknowledged.drainTo(batch, BATCH - 1);
            Map<Integer, List<Long>> byShard = new HashMap<>();
            for (TransferTask task : batch) {
                byShard.computeIfAbsent(task.shardId(), s -> new ArrayList<>()).add(task.taskId());
            }
            try {
                store.deleteTransferTasks(byShard);
            } catch (RuntimeException e) {
                log.warn(
                        "could not delete {} sent outbox rows; they may be sent again: {}",
                        batch.size(),
                        e.getMessage());
            }
            batch.forEach(task -> inFlight.remove(id(task)));
            batch.clear();
        }
    }

    /** Sends the rows of {@code shardIds} now rather than at the next rescan (shards just acquired). */
    public void rescanNow(Collection<Integer> shardIds) {
        if (!running) {
            return;
        }
        List<Integer> toScan = List.copyOf(shardIds);
        try {
            rescanner.execute(() -> rescan(toScan));
        } catch (RejectedExecutionException e) {
            log.debug("outbox relay stopped before rescanning shards {}", toScan);
        }
    }

    /** Forgets the rows in flight of shards this process no longer owns; a late acknowledgement is harmless. */
    public void forget(Set<Integer> shardIds) {
        inFlight.removeIf(id -> shardIds.contains(id.shardId()));
    }

    /** Re-sends rows of owned shards that are not in flight; runs on start, periodically and on acquisition. */
    private void rescan(Collection<Integer> shardIds) {
        try {
            for (int shardId : shardIds) {
                if (!shards.get().contains(shardId)) {
                    continue;
                }
                long after = 0;
                while (running) {
                    List<TransferTask> rows = store.loadTransferTasks(shardId, after, BATCH);
                    for (TransferTask task : rows) {
                        if (inFlight.add(id(task))) {
                            dispatch(task);
                        }
                    }
                    if (rows.size() < BATCH) {
                        break;
                    }
                    after = rows.getLast().taskId();
                }
            }
        } catch (RuntimeException e) {
            log.warn("outbox rescan failed: {}", e.getMessage());
        }
    }

    /** How many rows were sent and not yet deleted. */
    public int inFlight() {
        return inFlight.size();
    }

    private static RowId id(TransferTask task) {
        return new RowId(task.shardId(), task.taskId());
    }

    private record RowId(int shardId, long taskId) {}
}
