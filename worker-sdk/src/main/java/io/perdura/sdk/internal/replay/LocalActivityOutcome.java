package io.perdura.sdk.internal.replay;

import io.perdura.common.model.Failure;
import io.perdura.common.model.RetryState;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * How a local execution ended: the result of attempt {@code attempt}, or the failure of that attempt
 * with the reason it is not retried locally ({@code retryState}; IN_PROGRESS with {@code backoff}
 * when the next attempt waits on a workflow timer).
 */
public record LocalActivityOutcome(
        JsonNode result, Failure failure, RetryState retryState, int attempt, Duration backoff) {

    public static LocalActivityOutcome completed(JsonNode result, int attempt) {
        return new LocalActivityOutcome(result, null, null, attempt, null);
    }

    public static LocalActivityOutcome failed(Failure failure, RetryState retryState, int attempt) {
        return new LocalActivityOutcome(null, failure, retryState, attempt, null);
    }

    public static LocalActivityOutcome retryAfter(Failure failure, int attempt, Duration backoff) {
        return new LocalActivityOutcome(null, failure, RetryState.IN_PROGRESS, attempt, backoff);
    }
}
