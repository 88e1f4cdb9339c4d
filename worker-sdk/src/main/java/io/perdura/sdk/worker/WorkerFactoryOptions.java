package io.perdura.sdk.worker;

import io.micrometer.core.instrument.MeterRegistry;
import io.perdura.sdk.common.interceptors.WorkerInterceptor;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** Settings shared by every worker of a {@link WorkerFactory}. */
public final class WorkerFactoryOptions {

    private final Duration initialPollBackoff;
    private final Duration maxPollBackoff;
    private final List<WorkerInterceptor> workerInterceptors;
    private final MeterRegistry meterRegistry;

    private WorkerFactoryOptions(Builder b) {
        this.initialPollBackoff = b.initialPollBackoff;
        this.maxPollBackoff = b.maxPollBackoff;
        this.workerInterceptors = List.copyOf(b.workerInterceptors);
        this.meterRegistry = b.meterRegistry;
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

    /** The interceptors of every worker's workflows and activities, outermost first. */
    public List<WorkerInterceptor> getWorkerInterceptors() {
        return workerInterceptors;
    }

    /** Where the workers record their metrics; null for none. */
    public MeterRegistry getMeterRegistry() {
        return meterRegistry;
    }

    /** Builds {@link WorkerFactoryOptions}. */
    public static final class Builder {
        private Duration initialPollBackoff = Duration.ofMillis(100);
        private Duration maxPollBackoff = Duration.ofSeconds(10);
        private List<WorkerInterceptor> workerInterceptors = List.of();
        private MeterRegistry meterRegistry;

        private Builder() {}

        public Builder setInitialPollBackoff(Duration initialPollBackoff) {
            this.initialPollBackoff = Objects.requireNonNull(initialPollBackoff);
            return this;
        }

        public Builder setMaxPollBackoff(Duration maxPollBackoff) {
            this.maxPollBackoff = Objects.requireNonNull(maxPollBackoff);
            return this;
        }

        /** Interceptors of every worker's workflows and activities; the first is the outermost. */
        public Builder setWorkerInterceptors(WorkerInterceptor... interceptors) {
            this.workerInterceptors = List.of(interceptors);
            return this;
        }

        /** Interceptors of every worker's workflows and activities; the first is the outermost. */
        public Builder setWorkerInterceptors(List<? extends WorkerInterceptor> interceptors) {
            this.workerInterceptors = List.copyOf(interceptors);
            return this;
        }

        /**
         * Where the workers record their metrics (task latencies, polls, slots, the sticky cache,
         * workflow and activity outcomes; see {@code docs/observability.md}); null (the default) for none.
         */
        public Builder setMeterRegistry(MeterRegistry meterRegistry) {
            this.meterRegistry = meterRegistry;
            return this;
        }

        public WorkerFactoryOptions build() {
            return new WorkerFactoryOptions(this);
        }
    }
}
