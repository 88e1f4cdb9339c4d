package io.perdura.sdk.internal.replay;

import io.perdura.sdk.activity.ActivityOptions;
import io.perdura.sdk.internal.common.ActivityNames;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;

/** Turns calls on an activity stub into scheduled activities of the current workflow run. */
final class ActivityStubHandler implements InvocationHandler {

    private final Class<?> iface;
    private final ActivityOptions options;

    ActivityStubHandler(Class<?> iface, ActivityOptions options) {
        this.iface = iface;
        this.options = options;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "toString" -> "ActivityStub(" + iface.getName() + ")";
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> throw new UnsupportedOperationException(method.getName());
            };
        }
        String activityType = ActivityNames.activityType(iface, method);
        return WorkflowInternal.current()
                .executeActivity(activityType, args, options, method.getReturnType(), method.getGenericReturnType());
    }
}
