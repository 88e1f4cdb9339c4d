package io.perdura.sdk.internal.worker;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;

/**
 * What the activities of one worker share: its task queue, the scheduler of their throttled
 * heartbeats, whether the worker is stopping, and its heartbeat throttle intervals.
 */
public record ActivityWorkerContext(
        String taskQueue,
        ScheduledExecutorService heartbeatScheduler,
        BooleanSupplier stopping,
        Duration defaultHeartbeatThrottleInterval,
        Duration maxHeartbeatThrottleInterval) {}
