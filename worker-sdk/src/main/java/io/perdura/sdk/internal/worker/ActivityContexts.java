package io.perdura.sdk.internal.worker;

import io.perdura.sdk.activity.ActivityExecutionContext;

/** The activity context of the current thread. */
public final class ActivityContexts {

    private static final ThreadLocal<ActivityExecutionContext> CURRENT = new ThreadLocal<>();

    private ActivityContexts() {}

    public static ActivityExecutionContext current() {
        ActivityExecutionContext context = CURRENT.get();
        if (context == null) {
            throw new IllegalStateException("Activity.getExecutionContext() called outside an activity");
        }
        return context;
    }

    /** Makes {@code context} the current thread's: the worker's, or the test kit's activity environment's. */
    public static void set(ActivityExecutionContext context) {
        CURRENT.set(context);
    }

    public static void clear() {
        CURRENT.remove();
    }
}
