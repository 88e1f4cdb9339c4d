package io.perdura.sdk.internal.worker;

import io.perdura.sdk.common.converter.DataConverter;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;

/**
 * What the activities of one worker share: its task queue, the scheduler of their throttled
 * heartbeats, whether the worker is stopping, its heartbeat throttle intervals, and the converter of heartbeat details.
 */
public record ActivityWorkerContext(
        String taskQueue,
        ScheduledExecutorService heartbeatScheduler,
        BooleanSupplier stopping,
        Duration defaultHeartbeatThrottleInterval,
        Duration maxHeartbeatThrottleInterval,
        DataConverter dataConverter) {}
