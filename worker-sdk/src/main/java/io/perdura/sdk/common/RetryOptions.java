package io.perdura.sdk.common;

import io.perdura.common.model.RetryPolicy;
import java.time.Duration;
import java.util.List;

/**
 * How an activity is retried. Unset fields take the server's defaults: initial interval 1 s, backoff
 * 2.0, maximum interval 100 x initial, unlimited attempts.
 */
public final class RetryOptions {

    private final Duration initialInterval;
    private final Double backoffCoefficient;
    private final Duration maximumInterval;
    private final Integer maximumAttempts;
    private final List<String> doNotRetry;

    private RetryOptions(Builder b) {
        this.initialInterval = b.initialInterval;
        this.backoffCoefficient = b.backoffCoefficient;
        this.maximumInterval = b.maximumInterval;
        this.maximumAttempts = b.maximumAttempts;
        this.doNotRetry = b.doNotRetry;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Duration getInitialInterval() {
        return initialInterval;
    }

    public Double getBackoffCoefficient() {
        return backoffCoefficient;
    }

    public Duration getMaximumInterval() {
        return maximumInterval;
    }

    public Integer getMaximumAttempts() {
        return maximumAttempts;
    }

    public List<String> getDoNotRetry() {
        return doNotRetry;
    }

    /** The wire form of these options. */
    public RetryPolicy toRetryPolicy() {
        return new RetryPolicy(initialInterval, backoffCoefficient, maximumInterval, maximumAttempts, doNotRetry);
    }

    @Override
    public String toString() {
        return toRetryPolicy().toString();
    }

    /** Builds {@link RetryOptions}. */
    public static final class Builder {
        private Duration initialInterval;
        private Double backoffCoefficient;
        private Duration maximumInterval;
        private Integer maximumAttempts;
        private List<String> doNotRetry;

        private Builder() {}

        public Builder setInitialInterval(Duration initialInterval) {
            this.initialInterval = initialInterval;
            return this;
        }

        public Builder setBackoffCoefficient(double backoffCoefficient) {
            if (backoffCoefficient < 1.0) {
                throw new IllegalArgumentException("backoffCoefficient must be >= 1.0");
            }
            this.backoffCoefficient = backoffCoefficient;
            return this;
        }

        public Builder setMaximumInterval(Duration maximumInterval) {
            this.maximumInterval = maximumInterval;
            return this;
        }

        /** 0 means unlimited. */
        public Builder setMaximumAttempts(int maximumAttempts) {
            if (maximumAttempts < 0) {
                throw new IllegalArgumentException("maximumAttempts must be >= 0");
            }
            this.maximumAttempts = maximumAttempts;
            return this;
        }

        /** Failure types (ApplicationFailure type or exception class name) that are never retried. */
        public Builder setDoNotRetry(String... types) {
            this.doNotRetry = List.of(types);
            return this;
        }

        public RetryOptions build() {
            return new RetryOptions(this);
        }
    }
}
