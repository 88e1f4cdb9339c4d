package io.perdura.matching.taskqueue;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

import io.micrometer.core.instrument.MeterRegistry;
import io.perdura.common.api.ActivityTask;
import io.perdura.common.api.CompleteQueryTaskRequest;
import io.perdura.common.api.QueryResponse;
import io.perdura.common.api.WorkflowTask;
import io.perdura.common.error.ErrorType;
import io.perdura.common.error.PerduraException;
import io.perdura.common.service.HistoryRequest.RecordActivityTaskStarted;
import io.perdura.common.service.HistoryRequest.RecordWorkflowTaskStarted;
import io.perdura.common.service.HistoryService;
import io.perdura.common.service.MatchingRequest;
import io.perdura.common.service.MatchingRequest.*;
import io.perdura.common.service.MatchingService;
import io.perdura.matching.MatchingProperties;
import io.perdura.matching.persistence.ScheduledTask;
import io.perdura.matching.persistence.TaskBacklogStore;
import io.perdura.matching.persistence.TaskQueueKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The matching engine: one {@link TaskQueue} per (namespace, name, kind), created on first use;
 * sync match, durable backlog and long polls there, and pending queries here. Every method returns
 * at once and completes later; none waits on history or the database.
 *
 * <p>In a cluster each replica serves the task queues of the bus partitions it owns. {@link
 * #release} lets go of queues whose partition moved away (see {@link TaskQueueOwnership}); a
 * request that still reaches this replica for one of them is served by a fresh queue that reads
 * the backlog again, and so is the queue when its partition comes back.
 */
public final class MatchingEngine implements MatchingService, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MatchingEngine.class);

    private final HistoryService history;
    private final TaskBacklogStore store;
    private final MatchingProperties properties;
    private final MatchingRuntime runtime;
    private final QueryTasks queryTasks;
    private final Map<TaskQueueKey, TaskQueue> queues = new ConcurrentHashMap<>();
    private final Map<String, PendingQuery> pendingQueries = new ConcurrentHashMap<>();
    /** Orders {@link #prefetch} after {@link #release}, so that no prefetch revives a released queue. */
    private final Object ownership = new Object();
    /** How many releases ran; guarded by {@link #ownership}. */
    private long releases;

    private volatile boolean closed;

    public MatchingEngine(
            HistoryService history, TaskBacklogStore store, MatchingProperties properties, MeterRegistry registry) {
        this.history = history;
        this.store = store;
        this.properties = properties;
        this.runtime = new MatchingRuntime(store, properties, new MatchingMetrics(registry));
        this.queryTasks = new QueryTasks(history, properties.getQueryHistoryPageSize());
        Duration idle = properties.getIdleQueueTimeout();
        long sweep = Math.max(idle.toNanos() / 2, 1);
        runtime.timer()
                .scheduleWithFixedDelay(
                        () -> {
                            try {
                                dropIdleQueues(idle);
                            } catch (RuntimeException e) {
                                log.warn("could not drop the idle task queues", e);
                            }
                        },
                        sweep,
                        sweep,
                        NANOSECONDS);
    }

    /**
     * Starts reading, in the background, the backlog of every queue {@code owned} selects that has
     * one, so that it is served first. Best effort: a queue reads its backlog on first use anyway,
     * so a failed look-up is only logged, and a release meanwhile skips the prefetch.
     */
    public void prefetch(Predicate<TaskQueueKey> owned) {
        long releasesBefore;
        synchronized (ownership) {
            releasesBefore = releases;
        }
        runtime.onStoreExecutor(store::queuesWithBacklog).whenComplete((keys, error) -> {
            if (error != null) {
                log.warn("could not list the task queues with a backlog: {}", error.getMessage());
                return;
            }
            List<TaskQueue> loaded;
            synchronized (ownership) {
                if (closed || releases != releasesBefore) {
                    return;
                }
                loaded = keys.stream().filter(owned).map(this::queue).toList();
            }
            loaded.forEach(TaskQueue::prefetch);
        });
    }

    /**
     * Lets go of the task queues {@code moved} selects, whose partition another replica now owns:
     * answers their waiting polls with no task, fails their pending queries, stores their held
     * tasks and drops them from memory (their backlog stays in the database for the new owner).
     * The result completes once every task they were storing is in the backlog or failed to its
     * sender; never exceptionally.
     */
    public CompletableFuture<Void> release(Predicate<TaskQueueKey> moved) {
        List<TaskQueue> released = new ArrayList<>();
        synchronized (ownership) {
            releases++;
            queues.forEach((key, queue) -> {
                if (moved.test(key) && queues.remove(key, queue)) {
                    released.add(queue);
                }
            });
        }
        pendingQueries.forEach((id, query) -> {
            if (moved.test(query.queue()) && pendingQueries.remove(id, query)) {
                runtime.metrics().queryEnded(query.queue(), "released");
                query.fail(MatchingErrors.moved(query.queue()));
            }
        });
        List<CompletableFuture<Void>> settled = new ArrayList<>(released.size());
        for (TaskQueue queue : released) {
            settled.add(queue.release());
            runtime.metrics().queueReleased(queue.key());
        }
        return CompletableFuture.allOf(settled.toArray(CompletableFuture[]::new));
    }

    /**
     * Drops from memory the queues unused for {@code idle} that hold nothing (see {@link
     * TaskQueue#isIdle}): the sticky queues of workers that went away, above all. They are released
     * like a queue whose partition moved, so a request racing with this is served by a fresh queue.
     * Returns how many were dropped.
     */
    int dropIdleQueues(Duration idle) {
        long now = System.nanoTime();
        List<TaskQueue> dropped = new ArrayList<>();
        synchronized (ownership) {
            queues.forEach((key, queue) -> {
                if (queue.isIdle(now, idle.toNanos()) && queues.remove(key, queue)) {
                    dropped.add(queue);
                }
            });
        }
        dropped.forEach(TaskQueue::release);
        return dropped.size();
    }

    /** How many task queues this engine holds in memory. */
    int liveQueues() {
        return queues.size();
    }

    @Override
    public CompletableFuture<Void> addWorkflowTask(AddWorkflowTask request) {
        TaskQueueKey key = key(request);
        requireText(request.workflowId(), "workflowId");
        requireText(request.runId(), "runId");
        ScheduledTask task = new ScheduledTask(request.workflowId(), request.runId(), request.scheduledEventId(), 0);
        return onQueue(key, queue -> queue.add(task));
    }

    @Override
    public CompletableFuture<Void> addActivityTask(AddActivityTask request) {
        TaskQueueKey key = key(request);
        requireText(request.workflowId(), "workflowId");
        requireText(request.runId(), "runId");
        ScheduledTask task =
                new ScheduledTask(request.workflowId(), request.runId(), request.scheduledEventId(), request.attempt());
        return onQueue(key, queue -> queue.add(task));
    }

    @Override
    public CompletableFuture<WorkflowTask> pollWorkflowTaskQueue(PollWorkflowTaskQueue request) {
        TaskQueueKey key = key(request);
        return poll(key, request.pollRequestId(), request.identity(), request.timeout())
                .thenApply(WorkflowTask.class::cast);
    }

    @Override
    public CompletableFuture<ActivityTask> pollActivityTaskQueue(PollActivityTaskQueue request) {
        TaskQueueKey key = key(request);
        return poll(key, request.pollRequestId(), request.identity(), request.timeout())
                .thenApply(ActivityTask.class::cast);
    }

    @Override
    public CompletableFuture<Void> cancelPolls(CancelPolls request) {
        requireText(request.identity(), "identity");
        queue(key(request)).cancelPolls(request.identity());
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<QueryResponse> queryWorkflow(QueryWorkflow request) {
        TaskQueueKey key = key(request);
        requireText(request.workflowId(), "workflowId");
        if (request.query() == null || request.query().queryType() == null) {
            throw PerduraException.invalidArgument("queryType is required");
        }
        Duration timeout = request.timeout() == null || !request.timeout().isPositive()
                ? properties.getQueryTimeout()
                : request.timeout();
        PendingQuery query = new PendingQuery(UUID.randomUUID().toString(), key, request);
        pendingQueries.put(query.queryId(), query);
        // taken now, while this replica owns the queue; released meanwhile, it fails the query
        TaskQueue queue = queue(key);
        try {
            query.timeout(runtime.timer().schedule(() -> expire(query, timeout), timeout.toNanos(), NANOSECONDS));
        } catch (RuntimeException e) {
            pendingQueries.remove(query.queryId());
            throw MatchingErrors.stopping();
        }
        queryTasks.build(query, timeout.dividedBy(2)).whenComplete((task, error) -> {
            if (error != null) {
                pendingQueries.remove(query.queryId(), query);
                query.fail(PerduraException.unwrap(error));
            } else if (!query.isDone()) {
                query.task(task);
                queue.addQuery(query);
            }
        });
        return query.result();
    }

    @Override
    public CompletableFuture<Void> respondQueryTaskCompleted(RespondQueryTaskCompleted request) {
        PendingQuery query = request.queryId() == null ? null : pendingQueries.remove(request.queryId());
        if (query == null) {
            return CompletableFuture.failedFuture(new PerduraException(
                    ErrorType.TASK_NOT_FOUND,
                    "query " + request.queryId() + " is not pending (answered or timed out)"));
        }
        CompleteQueryTaskRequest answer = request.request();
        if (answer != null && answer.failure() != null) {
            runtime.metrics().queryEnded(query.queue(), "failed");
            query.fail(new PerduraException(
                    ErrorType.QUERY_FAILED, answer.failure().message()));
        } else {
            runtime.metrics().queryEnded(query.queue(), "answered");
            query.complete(new QueryResponse(answer == null ? null : answer.result()));
        }
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Answers waiting polls with no task, fails pending queries and held tasks, and stops the
     * timers; from then on polls are answered at once with no task and adds are refused.
     */
    @Override
    public void close() {
        closed = true;
        queues.values().forEach(TaskQueue::close);
        pendingQueries.values().forEach(query -> query.fail(MatchingErrors.stopping()));
        pendingQueries.clear();
        runtime.close();
    }

    /** How many queries of a queue wait for a poller. */
    int waitingQueries(TaskQueueKey key) {
        TaskQueue queue = queues.get(key);
        return queue == null ? 0 : queue.waitingQueries();
    }

    private void expire(PendingQuery query, Duration timeout) {
        if (!pendingQueries.remove(query.queryId(), query)) {
            return;
        }
        TaskQueue queue = queues.get(query.queue());
        if (queue != null) {
            queue.removeQuery(query);
        }
        runtime.metrics().queryEnded(query.queue(), "timed-out");
        QueryWorkflow request = query.request();
        query.fail(new PerduraException(
                ErrorType.TIMEOUT,
                "no worker answered the query " + request.query().queryType() + " of workflow " + request.workflowId()
                        + " on task queue " + request.taskQueue() + " within " + timeout));
    }

    private CompletableFuture<Object> poll(TaskQueueKey key, String pollRequestId, String identity, Duration timeout) {
        String id = pollRequestId(pollRequestId);
        Duration wait = pollTimeout(timeout);
        return onQueue(key, queue -> queue.poll(id, identity, wait)).thenApply(task -> {
            runtime.metrics().polled(key, task == null ? "empty" : "task");
            return task;
        });
    }

    /**
     * Runs an operation on the queue of {@code key}; when that queue was released meanwhile (the
     * operation answers null), on a fresh one, which reads the backlog again.
     */
    private <T> T onQueue(TaskQueueKey key, Function<TaskQueue, T> operation) {
        while (true) {
            TaskQueue queue = queue(key);
            T result = operation.apply(queue);
            if (result != null) {
                return result;
            }
            queues.remove(key, queue);
        }
    }

    private TaskQueue queue(TaskQueueKey key) {
        TaskQueue queue = queues.computeIfAbsent(key, k -> new TaskQueue(k, starter(k), store, runtime));
        if (closed) {
            queue.close(); // a queue first used while stopping answers at once too
        }
        return queue;
    }

    private TaskStarter starter(TaskQueueKey key) {
        return switch (key.kind()) {
            case WORKFLOW ->
                (task, poller) -> history.recordWorkflowTaskStarted(new RecordWorkflowTaskStarted(
                                key.namespace(),
                                task.workflowId(),
                                task.runId(),
                                key.name(),
                                task.scheduledEventId(),
                                poller.pollRequestId(),
                                poller.identity()))
                        .thenApply(Object.class::cast);
            case ACTIVITY ->
                (task, poller) -> history.recordActivityTaskStarted(new RecordActivityTaskStarted(
                                key.namespace(),
                                task.workflowId(),
                                task.runId(),
                                key.name(),
                                task.scheduledEventId(),
                                task.attempt(),
                                poller.pollRequestId(),
                                poller.identity()))
                        .thenApply(Object.class::cast);
        };
    }

    private Duration pollTimeout(Duration requested) {
        return requested == null || requested.isNegative() ? properties.getPollTimeout() : requested;
    }

    private static String pollRequestId(String requested) {
        return requested == null || requested.isBlank() ? UUID.randomUUID().toString() : requested;
    }

    private static TaskQueueKey key(MatchingRequest request) {
        requireText(request.namespace(), "namespace");
        requireText(request.taskQueue(), "taskQueue");
        return new TaskQueueKey(request.namespace(), request.taskQueue(), request.kind());
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw PerduraException.invalidArgument(name + " is required");
        }
    }
}
