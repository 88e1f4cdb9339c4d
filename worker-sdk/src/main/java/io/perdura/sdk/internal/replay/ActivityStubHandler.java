package io.perdura.sdk.internal.replay;

import io.perdura.sdk.activity.ActivityOptions;
import io.perdura.sdk.internal.common.ActivityNames;
import io.perdura.sdk.workflow.Promise;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * Turns calls on an activity stub into scheduled activities of the current workflow run. A call's
 * options are, field by field, those of its activity type over the stub's (themselves over the
 * implementation's defaults).
 */
final class ActivityStubHandler extends AsyncStubHandler {

    private final ActivityOptions options;
    private final Map<String, ActivityOptions> byActivityType;

    ActivityStubHandler(Class<?> iface, ActivityOptions options, Map<String, ActivityOptions> byActivityType) {
        super(iface);
        this.options = options;
        this.byActivityType = byActivityType;
    }

    @Override
    protected Promise<?> start(Method method, Object[] args) {
        String activityType = ActivityNames.activityType(iface(), method);
        ActivityOptions callOptions = ActivityOptions.newBuilder(options)
                .mergeActivityOptions(byActivityType.get(activityType))
                .build();
        requireTimeout(callOptions, activityType);
        return WorkflowInternal.current()
                .scheduleActivity(
                        activityType, args, callOptions, method.getReturnType(), method.getGenericReturnType());
    }

    @Override
    protected String kind() {
        return "ActivityStub";
    }

    static void requireTimeout(ActivityOptions options, String what) {
        if (options.getStartToCloseTimeout() == null && options.getScheduleToCloseTimeout() == null) {
            throw new IllegalArgumentException("ActivityOptions for " + what
                    + " need a startToCloseTimeout or a scheduleToCloseTimeout (on the stub, or in the"
                    + " WorkflowImplementationOptions the workflow was registered with)");
        }
    }
}
