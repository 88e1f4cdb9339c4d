package io.perdura.sdk.worker;

import java.time.Duration;
import java.util.Objects;

/** Settings shared by every worker of a {@link WorkerFactory}. */
public final class WorkerFactoryOptions {

    private final Duration initialPollBackoff;
    private final Duration maxPollBackoff;

    private WorkerFactoryOptions(Builder b) {
        this.initialPollBackoff = b.initialPollBackoff;
        this.maxPollBackoff = b.maxPollBackoff;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    public static WorkerFactoryOptions getDefaultInstance() {
        return new Builder().build();
    }

    /** First wait before polling again after the server could not be reached. */
    public Duration getInitialPollBackoff() {
        return initialPollBackoff;
    }

    /** Longest wait between polls while the server cannot be reached. */
    public Duration getMaxPollBackoff() {
        return maxPollBackoff;
    }

    /** Builds {@link WorkerFactoryOptions}. */
    public static final class Builder {
        private Duration initialPollBackoff = Duration.ofMillis(100);
        private Duration maxPollBackoff = Duration.ofSeconds(10);

        private Builder() {}

        public Builder setInitialPollBackoff(Duration initialPollBackoff) {
            this.initialPollBackoff = Objects.requireNonNull(initialPollBackoff);
            return this;
        }

        public Builder setMaxPollBackoff(Duration maxPollBackoff) {
            this.maxPollBackoff = Objects.requireNonNull(maxPollBackoff);
            return this;
        }

        public WorkerFactoryOptions build() {
            return new WorkerFactoryOptions(this);
        }
    }
}
