package io.perdura.sdk.internal.replay;

import io.perdura.sdk.activity.LocalActivityOptions;
import io.perdura.sdk.internal.common.ActivityNames;
import io.perdura.sdk.workflow.Promise;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * Turns calls on a local activity stub into local activities of the current workflow run. A call's
 * options are, field by field, those of its activity type over the stub's (themselves over the
 * implementation's defaults).
 */
final class LocalActivityStubHandler extends AsyncStubHandler {

    private final LocalActivityOptions options;
    private final Map<String, LocalActivityOptions> byActivityType;

    LocalActivityStubHandler(
            Class<?> iface, LocalActivityOptions options, Map<String, LocalActivityOptions> byActivityType) {
        super(iface);
        this.options = options;
        this.byActivityType = byActivityType;
    }

    @Override
    protected Promise<?> start(Method method, Object[] args) {
        String activityType = ActivityNames.activityType(iface(), method);
        LocalActivityOptions callOptions = LocalActivityOptions.newBuilder(options)
                .mergeActivityOptions(byActivityType.get(activityType))
                .build();
        requireTimeout(callOptions, activityType);
        return WorkflowInternal.current()
                .executeLocalActivity(
                        activityType, args, callOptions, method.getReturnType(), method.getGenericReturnType());
    }

    @Override
    protected String kind() {
        return "LocalActivityStub";
    }

    static void requireTimeout(LocalActivityOptions options, String what) {
        if (options.getStartToCloseTimeout() == null && options.getScheduleToCloseTimeout() == null) {
            throw new IllegalArgumentException("LocalActivityOptions for " + what
                    + " need a startToCloseTimeout or a scheduleToCloseTimeout (on the stub, or in the"
                    + " WorkflowImplementationOptions the workflow was registered with)");
        }
    }
}
