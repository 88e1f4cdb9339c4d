package io.perdura.sdk.worker;

import io.perdura.sdk.activity.ActivityOptions;
import java.util.Map;

/**
 * Options of the workflow implementations registered with them ({@link
 * Worker#registerWorkflowImplementationTypes(WorkflowImplementationOptions, Class[])}). An activity
 * call takes, field by field, the options of the activity type ({@link #getActivityOptions()}) over
 * the options its stub was created with over {@link #getDefaultActivityOptions()}; a stub created
 * without options ({@code Workflow.newActivityStub(Class)}) takes the defaults.
 */
public final class WorkflowImplementationOptions {

    private static final WorkflowImplementationOptions DEFAULT = new Builder().build();

    private final ActivityOptions defaultActivityOptions;
    private final Map<String, ActivityOptions> activityOptions;

    private WorkflowImplementationOptions(Builder b) {
        this.defaultActivityOptions = b.defaultActivityOptions;
        this.activityOptions = b.activityOptions == null ? Map.of() : Map.copyOf(b.activityOptions);
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    public static Builder builder() {
        return new Builder();
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

    /** Builds {@link WorkflowImplementationOptions}. */
    public static final class Builder {
        private ActivityOptions defaultActivityOptions;
        private Map<String, ActivityOptions> activityOptions;

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

        public WorkflowImplementationOptions build() {
            return new WorkflowImplementationOptions(this);
        }
    }
}
