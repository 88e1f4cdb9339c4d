package io.perdura.sdk.worker;

import io.perdura.sdk.activity.ActivityOptions;
import io.perdura.sdk.activity.LocalActivityOptions;
import java.util.Map;

/**
 * Options of the workflow implementations registered with them ({@link
 * Worker#registerWorkflowImplementationTypes(WorkflowImplementationOptions, Class[])}). An activity
 * call takes, field by field, the options of the activity type ({@link #getActivityOptions()}) over
 * the options its stub was created with over {@link #getDefaultActivityOptions()}; a stub created
 * without options ({@code Workflow.newActivityStub(Class)}) takes the defaults. Local activity
 * stubs take {@link #getLocalActivityOptions()} and {@link #getDefaultLocalActivityOptions()} the
 * same way.
 */
public final class WorkflowImplementationOptions {

    private static final WorkflowImplementationOptions DEFAULT = new Builder().build();

    private final ActivityOptions defaultActivityOptions;
    private final Map<String, ActivityOptions> activityOptions;
    private final LocalActivityOptions defaultLocalActivityOptions;
    private final Map<String, LocalActivityOptions> localActivityOptions;

    private WorkflowImplementationOptions(Builder b) {
        this.defaultActivityOptions = b.defaultActivityOptions;
        this.activityOptions = b.activityOptions == null ? Map.of() : Map.copyOf(b.activityOptions);
        this.defaultLocalActivityOptions = b.defaultLocalActivityOptions;
        this.localActivityOptions = b.localActivityOptions == null ? Map.of() : Map.copyOf(b.localActivityOptions);
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding the values of {@code options} (none if null). */
    public static Builder newBuilder(WorkflowImplementationOptions options) {
        Builder builder = new Builder();
        if (options != null) {
            builder.defaultActivityOptions = options.defaultActivityOptions;
            builder.activityOptions = options.activityOptions;
            builder.defaultLocalActivityOptions = options.defaultLocalActivityOptions;
            builder.localActivityOptions = options.localActivityOptions;
        }
        return builder;
    }

    public Builder toBuilder() {
        return newBuilder(this);
    }

    /** No defaults. */
    public static WorkflowImplementationOptions getDefaultInstance() {
        return DEFAULT;
    }

    /** The options every activity call starts from, or null. */
    public ActivityOptions getDefaultActivityOptions() {
        return defaultActivityOptions;
    }

    /** Options by activity type, over those of the stub; never null. */
    public Map<String, ActivityOptions> getActivityOptions() {
        return activityOptions;
    }

    /** The options every local activity call starts from, or null. */
    public LocalActivityOptions getDefaultLocalActivityOptions() {
        return defaultLocalActivityOptions;
    }

    /** Local activity options by activity type, over those of the stub; never null. */
    public Map<String, LocalActivityOptions> getLocalActivityOptions() {
        return localActivityOptions;
    }

    @Override
    public String toString() {
        return "WorkflowImplementationOptions{defaultActivityOptions=" + defaultActivityOptions + ", activityOptions="
                + activityOptions + ", defaultLocalActivityOptions=" + defaultLocalActivityOptions
                + ", localActivityOptions=" + localActivityOptions + "}";
    }

    /** Builds {@link WorkflowImplementationOptions}. */
    public static final class Builder {
        private ActivityOptions defaultActivityOptions;
        private Map<String, ActivityOptions> activityOptions;
        private LocalActivityOptions defaultLocalActivityOptions;
        private Map<String, LocalActivityOptions> localActivityOptions;

        private Builder() {}

        public Builder setDefaultActivityOptions(ActivityOptions defaultActivityOptions) {
            this.defaultActivityOptions = defaultActivityOptions;
            return this;
        }

        /** Options by activity type (the name the activity is registered under, e.g. {@code PayCharge}). */
        public Builder setActivityOptions(Map<String, ActivityOptions> activityOptions) {
            this.activityOptions = activityOptions;
            return this;
        }

        public Builder setDefaultLocalActivityOptions(LocalActivityOptions defaultLocalActivityOptions) {
            this.defaultLocalActivityOptions = defaultLocalActivityOptions;
            return this;
        }

        /** Local activity options by activity type. */
        public Builder setLocalActivityOptions(Map<String, LocalActivityOptions> localActivityOptions) {
            this.localActivityOptions = localActivityOptions;
            return this;
        }

        public WorkflowImplementationOptions build() {
            return new WorkflowImplementationOptions(this);
        }
    }
}
