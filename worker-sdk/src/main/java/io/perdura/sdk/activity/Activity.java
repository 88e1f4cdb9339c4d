package io.perdura.sdk.activity;

import io.perdura.sdk.internal.worker.ActivityContexts;

/** Static access to the running activity's context; only valid on the thread running an activity. */
public final class Activity {

    private Activity() {}

    public static ActivityExecutionContext getExecutionContext() {
        return ActivityContexts.current();
    }
}
