package io.perdura.history.engine;

import io.perdura.common.error.ErrorType;
import io.perdura.common.error.PerduraException;
import io.perdura.common.history.HistoryEvent;
import io.perdura.history.mutablestate.MutableState;
import io.perdura.history.mutablestate.MutableStateCodec;
import io.perdura.history.persistence.ConditionFailedException;
import io.perdura.history.persistence.CurrentExecution;
import io.perdura.history.persistence.ExecutionChange;
import io.perdura.history.persistence.ExecutionRecord;
import io.perdura.history.persistence.ExecutionStore;
import io.perdura.history.persistence.ShardOwnershipLostException;
import io.perdura.history.shard.ShardContext;
import io.perdura.history.shard.ShardController;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * Runs state changes of one run: per-run lock, load MutableState (cached), decide, commit ONE
 * fenced transaction with optimistic concurrency (a lost race reloads and retries), then tell the
 * after-commit listener (timer queue, outbox relay, result waiters).
 */
final class RunExecutor {

    private static final int MAX_ATTEMPTS = 3;

    private final ExecutionStore store;
    private final ShardController shards;
    private final MutableStateCache cache;
    private final RunLocks locks = new RunLocks(1024);
    private final Clock clock;
    private final Consumer<RunUpdate> afterCommit;
    private final GroupCommitter committer;
    private final HistoryCache historyCache = new HistoryCache(4096);

    RunExecutor(
            ExecutionStore store,
            ShardController shards,
            MutableStateCache cache,
            Clock clock,
            Consumer<RunUpdate> afterCommit) {
        this.store = store;
        this.shards = shards;
        this.cache = cache;
        this.clock = clock;
        this.afterCommit = afterCommit;
        this.committer = new GroupCommitter(store, 64);
    }

    ShardController shards() {
        return shards;
    }

    Clock clock() {
        return clock;
    }

    /**
     * Runs {@code action} holding the lock of a workflow id; UNAVAILABLE when this process does not
     * own the workflow's shard (its owner answers).
     */
    <T> T withLock(String namespace, String workflowId, Supplier<T> action) {
        return locks.withLock(namespace, workflowId, () -> {
            try (var ns = MDC.putCloseable("namespace", namespace);
                    var wf = MDC.putCloseable("workflowId", workflowId)) {
                shards.shard(shards.shardOf(namespace, workflowId));
                return action.get();
            }
        });
    }

    /**
     * Applies {@code operation} to a run ({@code runId} null: the current run) and commits what it
     * decided, unless it declared no change. NOT_FOUND when there is no such run.
     */
    <T> T update(String namespace, String workflowId, String runId, Function<RunUpdate, T> operation) {
        return withLock(namespace, workflowId, () -> {
            for (int attempt = 1; ; attempt++) {
                MutableState state = load(namespace, workflowId, runId);
                String loadedRunId = state.execution().key().runId();
                try (var run = MDC.putCloseable("runId", loadedRunId);
                        var shard = MDC.putCloseable(
                                "shard", String.valueOf(state.execution().shardId()));
                        var queue =
                                MDC.putCloseable("taskQueue", state.execution().taskQueue())) {
                    ShardContext shardContext = shards.shard(state.execution().shardId());
                    RunUpdate update = new RunUpdate(state, shardContext, clock.instant());
                    T result = operation.apply(update);
                    if (!update.isUnchanged()) {
                        commit(update);
                    }
                    return result;
                } catch (ConditionFailedException e) {
                    cache.evict(loadedRunId);
                    historyCache.evict(loadedRunId);
                    if (attempt >= MAX_ATTEMPTS) {
                        throw new PerduraException(ErrorType.UNAVAILABLE, "run kept changing, try again", e);
                    }
                } catch (RuntimeException e) {
                    cache.evict(loadedRunId);
                    throw e;
                }
            }
        });
    }

    /**
     * Forgets every cached MutableState and history: after shards moved, another owner may have
     * written their runs meanwhile.
     */
    void clearCaches() {
        cache.clear();
        historyCache.clear();
    }

    /** Events 1..{@code lastEventId} of a run, from the history cache or the store. */
    List<HistoryEvent> history(String runId, long lastEventId) {
        List<HistoryEvent> cached = historyCache.upTo(runId, lastEventId);
        return cached != null ? cached : store.readEvents(runId, 1, (int) lastEventId);
    }

    /** Events {@code firstEventId}..{@code lastEventId} of a run, from the history cache or the store. */
    List<HistoryEvent> history(String runId, long firstEventId, long lastEventId) {
        if (firstEventId <= 1) {
            return history(runId, lastEventId);
        }
        List<HistoryEvent> cached = historyCache.upTo(runId, lastEventId);
        return cached != null
                ? cached.subList((int) firstEventId - 1, (int) lastEventId)
                : store.readEvents(runId, firstEventId, (int) (lastEventId - firstEventId + 1));
    }

    /** Loads a run's state (cached); must hold the workflow's lock. */
    MutableState load(String namespace, String workflowId, String runId) {
        String resolved = runId;
        if (resolved == null || resolved.isBlank()) {
            resolved = store.getCurrentExecution(namespace, workflowId)
                    .map(CurrentExecution::runId)
                    .orElseThrow(() -> PerduraException.notFound("workflow " + workflowId + " not found"));
        }
        MutableState cached = cache.get(resolved);
        if (cached != null) {
            return cached;
        }
        String id = resolved;
        ExecutionRecord record = store.getExecution(namespace, workflowId, resolved)
                .orElseThrow(() -> PerduraException.notFound("workflow " + workflowId + " run " + id + " not found"));
        MutableState state = MutableStateCodec.read(record.state(), record.dbVersion());
        cache.put(resolved, state);
        return state;
    }

    private void commit(RunUpdate update) {
        MutableState state = update.state();
        long expected = state.dbVersion();
        ExecutionRecord record = record(state, expected + 1);
        requireCurrent(update);
        List<ExecutionChange> changes = new ArrayList<>(2);
        changes.add(new ExecutionChange.Update(update.shard().fence(), record, expected, update.write()));
        RunUpdate successor = update.successor();
        if (successor != null) {
            changes.add(new ExecutionChange.Create(
                    successor.shard().fence(),
                    record(successor.state(), 1),
                    update.successorStartRequestId(),
                    record.key().runId(),
                    successor.write()));
        }
        try {
            committer.commit(changes);
        } catch (ShardOwnershipLostException e) {
            shards.lost(update.shard().shardId(), update.shard().rangeId());
            throw new PerduraException(ErrorType.UNAVAILABLE, e.getMessage(), e);
        }
        state.dbVersion(expected + 1);
        cache.put(record.key().runId(), state);
        historyCache.committed(
                record.key().runId(), update.events(), !state.execution().isOpen());
        afterCommit.accept(update);
        if (successor != null) {
            created(successor);
        }
    }

    /** Creates a new run from a start update; the caller holds the workflow's lock. */
    void create(RunUpdate update, String startRequestId, String previousRunId) {
        MutableState state = update.state();
        ExecutionRecord record = record(state, 1);
        requireCurrent(update);
        try {
            committer.commit(new ExecutionChange.Create(
                    update.shard().fence(), record, startRequestId, previousRunId, update.write()));
        } catch (ShardOwnershipLostException e) {
            shards.lost(update.shard().shardId(), update.shard().rangeId());
            throw new PerduraException(ErrorType.UNAVAILABLE, e.getMessage(), e);
        }
        created(update);
    }

    private void created(RunUpdate update) {
        MutableState state = update.state();
        state.dbVersion(1);
        String runId = state.execution().key().runId();
        cache.put(runId, state);
        historyCache.committed(runId, update.events(), false);
        afterCommit.accept(update);
    }

    /**
     * UNAVAILABLE when the shard was released (or lost) since the update began: a request in
     * progress when its shard moves changes nothing. Its range id fences the write in any case.
     */
    private void requireCurrent(RunUpdate update) {
        if (!shards.isCurrent(update.shard())) {
            throw new PerduraException(
                    ErrorType.UNAVAILABLE,
                    "shard " + update.shard().shardId() + " moved to another owner while the request ran");
        }
    }

    private static ExecutionRecord record(MutableState state, long dbVersion) {
        var execution = state.execution();
        return new ExecutionRecord(
                execution.key(),
                execution.shardId(),
                execution.status(),
                execution.workflowType(),
                execution.taskQueue(),
                execution.startTime().toEpochMilli(),
                execution.closeTime() == null ? null : execution.closeTime().toEpochMilli(),
                state.nextEventId(),
                dbVersion,
                MutableStateCodec.write(state));
    }
}
