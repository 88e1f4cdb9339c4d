package io.perdura.sdk.activity;

import io.perdura.sdk.common.RetryOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * How a workflow's local activity stub ({@code Workflow.newLocalActivityStub}) runs local
 * activities: in the worker that runs the workflow task, with their outcome recorded in a {@code
 * LocalActivity} marker. Set a start-to-close or a schedule-to-close timeout (here, or in the
 * defaults of {@link io.perdura.sdk.worker.WorkflowImplementationOptions}).
 */
public final class LocalActivityOptions {

    private static final LocalActivityOptions DEFAULT = new Builder().build();

    private final Duration startToCloseTimeout;
    private final Duration scheduleToCloseTimeout;
    private final Duration localRetryThreshold;
    private final RetryOptions retryOptions;
    private final Boolean doNotIncludeArgumentsIntoMarker;

    private LocalActivityOptions(Builder b) {
        this.startToCloseTimeout = b.startToCloseTimeout;
        this.scheduleToCloseTimeout = b.scheduleToCloseTimeout;
        this.localRetryThreshold = b.localRetryThreshold;
        this.retryOptions = b.retryOptions;
        this.doNotIncludeArgumentsIntoMarker = b.doNotIncludeArgumentsIntoMarker;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding the values of {@code options} (none if null). */
    public static Builder newBuilder(LocalActivityOptions options) {
        return new Builder().mergeActivityOptions(options);
    }

    /** No values set. */
    public static LocalActivityOptions getDefaultInstance() {
        return DEFAULT;
    }

    public Builder toBuilder() {
        return newBuilder(this);
    }

    /** The limit of one attempt; without it, the schedule-to-close timeout. */
    public Duration getStartToCloseTimeout() {
        return startToCloseTimeout;
    }

    /** The limit of the whole local activity, every attempt and retry backoff included. */
    public Duration getScheduleToCloseTimeout() {
        return scheduleToCloseTimeout;
    }

    /**
     * The longest retry backoff waited for inside the workflow task; a longer one waits on a durable
     * workflow timer. Null: three times the workflow task timeout, as in Temporal.
     */
    public Duration getLocalRetryThreshold() {
        return localRetryThreshold;
    }

    /** How attempts are retried; null: the defaults of {@link RetryOptions} (unlimited attempts). */
    public RetryOptions getRetryOptions() {
        return retryOptions;
    }

    /** Whether the marker leaves out the arguments (they are never read back, only shown). */
    public boolean isDoNotIncludeArgumentsIntoMarker() {
        return doNotIncludeArgumentsIntoMarker != null && doNotIncludeArgumentsIntoMarker;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LocalActivityOptions that
                && Objects.equals(startToCloseTimeout, that.startToCloseTimeout)
                && Objects.equals(scheduleToCloseTimeout, that.scheduleToCloseTimeout)
                && Objects.equals(localRetryThreshold, that.localRetryThreshold)
                && Objects.equals(policy(retryOptions), policy(that.retryOptions))
                && Objects.equals(doNotIncludeArgumentsIntoMarker, that.doNotIncludeArgumentsIntoMarker);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                startToCloseTimeout,
                scheduleToCloseTimeout,
                localRetryThreshold,
                policy(retryOptions),
                doNotIncludeArgumentsIntoMarker);
    }

    private static Object policy(RetryOptions options) {
        return options == null ? null : options.toRetryPolicy();
    }

    @Override
    public String toString() {
        return "LocalActivityOptions{startToCloseTimeout=" + startToCloseTimeout + ", scheduleToCloseTimeout="
                + scheduleToCloseTimeout + ", localRetryThreshold=" + localRetryThreshold + ", retryOptions="
                + retryOptions + ", doNotIncludeArgumentsIntoMarker=" + isDoNotIncludeArgumentsIntoMarker() + "}";
    }

    /** Builds {@link LocalActivityOptions}. */
    public static final class Builder {
        private Duration startToCloseTimeout;
        private Duration scheduleToCloseTimeout;
        private Duration localRetryThreshold;
        private RetryOptions retryOptions;
        private Boolean doNotIncludeArgumentsIntoMarker;

        private Builder() {}

        public Builder setStartToCloseTimeout(Duration timeout) {
            this.startToCloseTimeout = positive(timeout, "startToCloseTimeout");
            return this;
        }

        public Builder setScheduleToCloseTimeout(Duration timeout) {
            this.scheduleToCloseTimeout = positive(timeout, "scheduleToCloseTimeout");
            return this;
        }

        public Builder setLocalRetryThreshold(Duration threshold) {
            this.localRetryThreshold = positive(threshold, "localRetryThreshold");
            return this;
        }

        public Builder setRetryOptions(RetryOptions retryOptions) {
            this.retryOptions = retryOptions;
            return this;
        }

        public Builder setDoNotIncludeArgumentsIntoMarker(boolean doNotIncludeArgumentsIntoMarker) {
            this.doNotIncludeArgumentsIntoMarker = doNotIncludeArgumentsIntoMarker;
            return this;
        }

        /** Takes every value {@code override} sets; the values it leaves unset stay as they are. */
        public Builder mergeActivityOptions(LocalActivityOptions override) {
            if (override == null) {
                return this;
            }
            startToCloseTimeout =
                    override.startToCloseTimeout != null ? override.startToCloseTimeout : startToCloseTimeout;
            scheduleToCloseTimeout =
                    override.scheduleToCloseTimeout != null ? override.scheduleToCloseTimeout : scheduleToCloseTimeout;
            localRetryThreshold =
                    override.localRetryThreshold != null ? override.localRetryThreshold : localRetryThreshold;
            retryOptions = override.retryOptions != null ? override.retryOptions : retryOptions;
            doNotIncludeArgumentsIntoMarker = override.doNotIncludeArgumentsIntoMarker != null
                    ? override.doNotIncludeArgumentsIntoMarker
                    : doNotIncludeArgumentsIntoMarker;
            return this;
        }

        public LocalActivityOptions build() {
            return new LocalActivityOptions(this);
        }

        private static Duration positive(Duration value, String name) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + value);
            }
            return value;
        }
    }
}
