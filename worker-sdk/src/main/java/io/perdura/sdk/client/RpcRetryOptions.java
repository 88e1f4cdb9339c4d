package io.perdura.sdk.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How the client and its workers call the frontend again after a retryable failure (unavailable,
 * timed out, rate limited, or not reachable): exponential backoff with jitter from
 * {@link #getInitialInterval()} doubling to {@link #getMaximumInterval()}, giving up after
 * {@link #getExpiration()}. Defaults: 100 ms, 5 s, 60 s.
 */
public final class RpcRetryOptions {

    private final Duration initialInterval;
    private final Duration maximumInterval;
    private final Duration expiration;

    private RpcRetryOptions(Builder b) {
        if (b.initialInterval.isNegative() || b.initialInterval.isZero()) {
            throw new IllegalArgumentException("initialInterval must be positive");
        }
        if (b.maximumInterval.compareTo(b.initialInterval) < 0) {
            throw new IllegalArgumentException("maximumInterval must be >= initialInterval");
        }
        if (b.expiration.isNegative()) {
            throw new IllegalArgumentException("expiration must not be negative");
        }
        this.initialInterval = b.initialInterval;
        this.maximumInterval = b.maximumInterval;
        this.expiration = b.expiration;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    public static RpcRetryOptions getDefaultInstance() {
        return new Builder().build();
    }

    /** Wait before the first retry. */
    public Duration getInitialInterval() {
        return initialInterval;
    }

    /** Longest wait between two attempts. */
    public Duration getMaximumInterval() {
        return maximumInterval;
    }

    /** Time after the first attempt when a call gives up; zero means no retries. */
    public Duration getExpiration() {
        return expiration;
    }

    /** Builds {@link RpcRetryOptions}. */
    public static final class Builder {
        private Duration initialInterval = Duration.ofMillis(100);
        private Duration maximumInterval = Duration.ofSeconds(5);
        private Duration expiration = Duration.ofSeconds(60);

        private Builder() {}

        /** Wait before the first retry (default 100 ms); each further wait doubles. */
        public Builder setInitialInterval(Duration initialInterval) {
            this.initialInterval = Objects.requireNonNull(initialInterval, "initialInterval");
            return this;
        }

        /** Longest wait between two attempts (default 5 s). */
        public Builder setMaximumInterval(Duration maximumInterval) {
            this.maximumInterval = Objects.requireNonNull(maximumInterval, "maximumInterval");
            return this;
        }

        /** Time after the first attempt when a call gives up (default 60 s; zero: no retries). */
        public Builder setExpiration(Duration expiration) {
            this.expiration = Objects.requireNonNull(expiration, "expiration");
            return this;
        }

        public RpcRetryOptions build() {
            return new RpcRetryOptions(this);
        }
    }
}
