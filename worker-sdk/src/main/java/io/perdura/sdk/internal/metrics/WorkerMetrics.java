package io.perdura.sdk.internal.metrics;

import io.micrometer.core.instrument.Tags;
import io.perdura.common.api.ActivityTask;
import io.perdura.common.api.WorkflowTask;
import io.perdura.common.history.EventType;
import io.perdura.common.history.HistoryEvent;
import io.perdura.sdk.common.interceptors.WorkerInterceptor;
import io.perdura.sdk.internal.worker.TaskPoller;
import io.perdura.sdk.internal.worker.WorkflowCache;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/** The metrics of one worker (a task queue): polls, task latencies, slots and its cache (ADR 26). */
public final class WorkerMetrics {

    public static final String WORKFLOW_WORKER = "WorkflowWorker";
    public static final String ACTIVITY_WORKER = "ActivityWorker";

    private final SdkMetrics metrics;
    private final String namespace;
    private final String taskQueue;

    public WorkerMetrics(SdkMetrics metrics, String namespace, String taskQueue) {
        this.metrics = metrics;
        this.namespace = namespace;
        this.taskQueue = taskQueue;
    }

    private Tags tags(String workerType) {
        return Tags.of("namespace", namespace, "task_queue", taskQueue, "worker_type", workerType);
    }

    /** {@code configured}, then (innermost) the metrics interceptor when metrics are on. */
    public List<WorkerInterceptor> interceptors(List<WorkerInterceptor> configured) {
        if (!metrics.isEnabled()) {
            return configured;
        }
        List<WorkerInterceptor> all = new ArrayList<>(configured);
        all.add(new MetricsInterceptor(metrics));
        return List.copyOf(all);
    }

    /** {@code poll} counted: poller starts, polls that brought a task and polls that came back empty. */
    public <T> Supplier<CompletableFuture<T>> polls(String workerType, Supplier<CompletableFuture<T>> poll) {
        if (!metrics.isEnabled()) {
            return poll;
        }
        boolean workflow = WORKFLOW_WORKER.equals(workerType);
        Tags tags = tags(workerType);
        return () -> {
            metrics.count(SdkMetrics.POLLER_START, tags);
            return poll.get().whenComplete((task, failure) -> {
                if (failure != null) {
                    return;
                }
                metrics.count(
                        task == null
                                ? (workflow
                                        ? SdkMetrics.WORKFLOW_TASK_QUEUE_POLL_EMPTY
                                        : SdkMetrics.ACTIVITY_TASK_QUEUE_POLL_EMPTY)
                                : (workflow
                                        ? SdkMetrics.WORKFLOW_TASK_QUEUE_POLL_SUCCEED
                                        : SdkMetrics.ACTIVITY_TASK_QUEUE_POLL_SUCCEED),
                        tags);
            });
        };
    }

    /**
     * {@code handler} timed (a workflow task's schedule-to-start and execution latencies), with the
     * cache hit or miss of each task counted.
     */
    public Consumer<WorkflowTask> workflowTasks(Consumer<WorkflowTask> handler, WorkflowCache cache) {
        if (!metrics.isEnabled()) {
            return handler;
        }
        return task -> {
            Tags tags = tags(WORKFLOW_WORKER).and("workflow_type", String.valueOf(task.workflowType()));
            if (task.query() == null) {
                metrics.count(
                        cache.contains(task.runId()) ? SdkMetrics.STICKY_CACHE_HIT : SdkMetrics.STICKY_CACHE_MISS,
                        tags(WORKFLOW_WORKER));
            }
            Duration scheduleToStart = scheduleToStart(task.history());
            if (scheduleToStart != null && task.query() == null) {
                metrics.record(SdkMetrics.WORKFLOW_TASK_SCHEDULE_TO_START_LATENCY, tags, scheduleToStart);
            }
            long start = System.nanoTime();
            try {
                handler.accept(task);
            } finally {
                metrics.recordNanos(SdkMetrics.WORKFLOW_TASK_EXECUTION_LATENCY, tags, start);
            }
        };
    }

    /** {@code handler} with each activity task's schedule-to-start latency recorded. */
    public Consumer<ActivityTask> activityTasks(Consumer<ActivityTask> handler) {
        if (!metrics.isEnabled()) {
            return handler;
        }
        return task -> {
            if (task.currentAttemptScheduledTime() != null && task.startedTime() != null) {
                metrics.record(
                        SdkMetrics.ACTIVITY_SCHEDULE_TO_START_LATENCY,
                        tags(ACTIVITY_WORKER)
                                .and("workflow_type", String.valueOf(task.workflowType()))
                                .and("activity_type", String.valueOf(task.activityType())),
                        Duration.between(task.currentAttemptScheduledTime(), task.startedTime()));
            }
            handler.accept(task);
        };
    }

    /** Gauges of the poller's free and used task slots. */
    public void slots(String workerType, TaskPoller<?> poller, int maxConcurrent) {
        metrics.gauge(SdkMetrics.WORKER_TASK_SLOTS_AVAILABLE, tags(workerType), poller, TaskPoller::availableSlots);
        metrics.gauge(
                SdkMetrics.WORKER_TASK_SLOTS_USED, tags(workerType), poller, p -> maxConcurrent - p.availableSlots());
    }

    /** A gauge of the runs held in the worker's cache. */
    public void cache(IntSupplier size) {
        metrics.gauge(SdkMetrics.STICKY_CACHE_SIZE, tags(WORKFLOW_WORKER), () -> size.getAsInt());
    }

    /** From the last WorkflowTaskScheduled to the WorkflowTaskStarted after it, or null. */
    private static Duration scheduleToStart(List<HistoryEvent> history) {
        if (history == null || history.size() < 2) {
            return null;
        }
        HistoryEvent started = history.getLast();
        HistoryEvent scheduled = history.get(history.size() - 2);
        if (started.eventType() != EventType.WorkflowTaskStarted
                || scheduled.eventType() != EventType.WorkflowTaskScheduled
                || started.eventTime() == null
                || scheduled.eventTime() == null) {
            return null;
        }
        return Duration.between(scheduled.eventTime(), started.eventTime());
    }
}
