package io.perdura.sdk.internal.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The SDK's meters over one {@link MeterRegistry}, or nothing when there is none. Names are
 * Temporal's {@code MetricsType} names with the {@code perdura} prefix, in Micrometer's dotted form
 * (Prometheus renders {@code perdura.workflow.completed} as {@code perdura_workflow_completed_total}).
 * Tags are namespace, task queue, worker type and workflow/activity type: never an id.
 */
public final class SdkMetrics {

    public static final String WORKFLOW_TASK_SCHEDULE_TO_START_LATENCY =
            "perdura.workflow.task.schedule.to.start.latency";
    public static final String WORKFLOW_TASK_EXECUTION_LATENCY = "perdura.workflow.task.execution.latency";
    public static final String WORKFLOW_COMPLETED = "perdura.workflow.completed";
    public static final String WORKFLOW_FAILED = "perdura.workflow.failed";
    public static final String WORKFLOW_CANCELED = "perdura.workflow.canceled";
    public static final String WORKFLOW_ENDTOEND_LATENCY = "perdura.workflow.endtoend.latency";
    public static final String ACTIVITY_SCHEDULE_TO_START_LATENCY = "perdura.activity.schedule.to.start.latency";
    public static final String ACTIVITY_EXECUTION_LATENCY = "perdura.activity.execution.latency";
    public static final String ACTIVITY_EXECUTION_FAILED = "perdura.activity.execution.failed";
    public static final String LOCAL_ACTIVITY_EXECUTION_LATENCY = "perdura.local.activity.execution.latency";
    public static final String LOCAL_ACTIVITY_EXECUTION_FAILED = "perdura.local.activity.execution.failed";
    public static final String WORKFLOW_TASK_QUEUE_POLL_SUCCEED = "perdura.workflow.task.queue.poll.succeed";
    public static final String WORKFLOW_TASK_QUEUE_POLL_EMPTY = "perdura.workflow.task.queue.poll.empty";
    public static final String ACTIVITY_TASK_QUEUE_POLL_SUCCEED = "perdura.activity.task.queue.poll.succeed";
    public static final String ACTIVITY_TASK_QUEUE_POLL_EMPTY = "perdura.activity.task.queue.poll.empty";
    public static final String POLLER_START = "perdura.poller.start";
    public static final String WORKER_TASK_SLOTS_AVAILABLE = "perdura.worker.task.slots.available";
    public static final String WORKER_TASK_SLOTS_USED = "perdura.worker.task.slots.used";
    public static final String STICKY_CACHE_SIZE = "perdura.sticky.cache.size";
    public static final String STICKY_CACHE_HIT = "perdura.sticky.cache.hit";
    public static final String STICKY_CACHE_MISS = "perdura.sticky.cache.miss";
    public static final String WORKFLOW_CONTINUE_AS_NEW = "perdura.workflow.continue.as.new";
    public static final String WORKFLOW_TASK_REPLAY_LATENCY = "perdura.workflow.task.replay.latency";
    public static final String REQUEST = "perdura.request";
    public static final String REQUEST_FAILURE = "perdura.request.failure";
    public static final String REQUEST_LATENCY = "perdura.request.latency";

    private static final SdkMetrics NONE = new SdkMetrics(null);

    private final MeterRegistry registry;

    private SdkMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Metrics into {@code registry}; none (every call does nothing) when it is null. */
    public static SdkMetrics of(MeterRegistry registry) {
        return registry == null ? NONE : new SdkMetrics(registry);
    }

    public boolean isEnabled() {
        return registry != null;
    }

    public void count(String name, Tags tags) {
        if (registry != null) {
            Counter.builder(name).tags(tags).register(registry).increment();
        }
    }

    public void record(String name, Tags tags, Duration duration) {
        if (registry != null) {
            Timer.builder(name).tags(tags).register(registry).record(duration.isNegative() ? Duration.ZERO : duration);
        }
    }

    public void recordNanos(String name, Tags tags, long startNanos) {
        record(name, tags, Duration.ofNanos(System.nanoTime() - startNanos));
    }

    /** A gauge of {@code value} (held strongly through {@code owner} as long as the registry lives). */
    public <T> void gauge(String name, Tags tags, T owner, java.util.function.ToDoubleFunction<T> value) {
        if (registry != null) {
            Gauge.builder(name, owner, value).tags(tags).strongReference(true).register(registry);
        }
    }

    /** A gauge of {@code value}. */
    public void gauge(String name, Tags tags, Supplier<Number> value) {
        if (registry != null) {
            Gauge.builder(name, value).tags(tags).strongReference(true).register(registry);
        }
    }
}
