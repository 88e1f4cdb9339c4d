package io.perdura.common.model;

import java.time.Duration;
import java.util.List;

/**
 * How an activity is retried. Unset fields take Temporal's defaults: initial interval 1 s, backoff
 * 2.0, maximum interval 100 x initial, unlimited attempts ({@code maximumAttempts} 0).
 */
public record RetryPolicy(
        Duration initialInterval,
        Double backoffCoefficient,
        Duration maximumInterval,
        Integer maximumAttempts,
        List<String> nonRetryableErrorTypes) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(null, null, null, null, null);

    /** This policy with every unset field filled with its default. */
    public RetryPolicy withDefaults() {
        Duration initial = initialInterval == null ? Duration.ofSeconds(1) : initialInterval;
        return new RetryPolicy(
                initial,
                backoffCoefficient == null ? 2.0 : backoffCoefficient,
                maximumInterval == null ? initial.multipliedBy(100) : maximumInterval,
                maximumAttempts == null ? 0 : maximumAttempts,
                nonRetryableErrorTypes == null ? List.of() : List.copyOf(nonRetryableErrorTypes));
    }

    /** Delay before attempt {@code attempt + 1}, after {@code attempt} attempts failed (1-based). */
    public Duration backoff(int attempt) {
        RetryPolicy p = withDefaults();
        double millis = p.initialInterval.toMillis() * Math.pow(p.backoffCoefficient, attempt - 1);
        return Duration.ofMillis((long) Math.min(millis, p.maximumInterval.toMillis()));
    }

    /** Whether another attempt is allowed after {@code attempt} failed with {@code errorType}. */
    public RetryState retryState(int attempt, String errorType, boolean nonRetryable) {
        RetryPolicy p = withDefaults();
        if (nonRetryable || (errorType != null && p.nonRetryableErrorTypes.contains(errorType))) {
            return RetryState.NON_RETRYABLE_FAILURE;
        }
        if (p.maximumAttempts > 0 && attempt >= p.maximumAttempts) {
            return RetryState.MAXIMUM_ATTEMPTS_REACHED;
        }
        return RetryState.IN_PROGRESS;
    }
}
