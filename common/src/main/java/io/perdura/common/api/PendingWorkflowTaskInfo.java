package io.perdura.common.api;

import io.perdura.common.model.Failure;
import java.time.Instant;

/**
 * The workflow task scheduled and not yet completed, with the failure of its previous attempt, if
 * any. {@code state} is SCHEDULED or STARTED.
 */
public record PendingWorkflowTaskInfo(
        String state, int attempt, Instant scheduledTime, Instant startedTime, Failure lastFailure) {}
