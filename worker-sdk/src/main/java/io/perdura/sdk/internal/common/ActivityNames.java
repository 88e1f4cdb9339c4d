package io.perdura.sdk.internal.common;

import io.perdura.sdk.activity.ActivityInterface;
import io.perdura.sdk.activity.ActivityMethod;
import java.lang.reflect.Method;

/** Activity type names: interface prefix + method name (annotated, or the method name capitalised). */
public final class ActivityNames {

    private ActivityNames() {}

    public static String activityType(Class<?> iface, Method method) {
        ActivityInterface annotation = method.getDeclaringClass().getAnnotation(ActivityInterface.class);
        if (annotation == null) {
            annotation = iface.getAnnotation(ActivityInterface.class);
        }
        String prefix = annotation == null ? "" : annotation.namePrefix();
        ActivityMethod am = method.getAnnotation(ActivityMethod.class);
        String name = am != null && !am.name().isEmpty() ? am.name() : capitalize(method.getName());
        return prefix + name;
    }

    static String capitalize(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
