package io.perdura.sdk.internal.replay;

import io.perdura.common.model.RetryPolicy;
import io.perdura.sdk.workflow.WorkflowInfo;
import java.time.Duration;
import java.util.function.LongSupplier;
import tools.jackson.databind.JsonNode;

/**
 * One local execution of a local activity for a {@link LocalActivityRunner}: run attempts from
 * {@code attempt} on until one succeeds, a failure is final, or the next retry must wait on a
 * workflow timer (its backoff exceeds {@code localRetryThreshold}, or would end after {@code
 * localRetryDeadlineNanos}, the {@link System#nanoTime()} until which the current workflow task may
 * wait).
 *
 * @param startToCloseTimeout the limit of one attempt (never null)
 * @param scheduleToCloseTimeout the limit of all attempts from {@code originalScheduledTimeMillis}, or null
 */
public record LocalActivityRequest(
        WorkflowInfo workflow,
        String activityId,
        String activityType,
        JsonNode input,
        int attempt,
        long originalScheduledTimeMillis,
        Duration startToCloseTimeout,
        Duration scheduleToCloseTimeout,
        RetryPolicy retryPolicy,
        Duration localRetryThreshold,
        LongSupplier localRetryDeadlineNanos,
        JsonNode header) {

    /** A request without a header. */
    public LocalActivityRequest(
            WorkflowInfo workflow,
            String activityId,
            String activityType,
            JsonNode input,
            int attempt,
            long originalScheduledTimeMillis,
            Duration startToCloseTimeout,
            Duration scheduleToCloseTimeout,
            RetryPolicy retryPolicy,
            Duration localRetryThreshold,
            LongSupplier localRetryDeadlineNanos) {
        this(
                workflow,
                activityId,
                activityType,
                input,
                attempt,
                originalScheduledTimeMillis,
                startToCloseTimeout,
                scheduleToCloseTimeout,
                retryPolicy,
                localRetryThreshold,
                localRetryDeadlineNanos,
                null);
    }
}
