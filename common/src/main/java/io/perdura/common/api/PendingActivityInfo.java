package io.perdura.common.api;

import io.perdura.common.model.Failure;
import java.time.Instant;

/** An activity scheduled and not yet closed. {@code state} is SCHEDULED, STARTED or CANCEL_REQUESTED (started, asked to stop). */
public record PendingActivityInfo(
        String activityId,
        String activityType,
        long scheduledEventId,
        String state,
        int attempt,
        Instant scheduledTime,
        Instant lastStartedTime,
        Instant nextAttemptScheduleTime,
        Failure lastFailure) {}
