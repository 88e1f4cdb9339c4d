package io.perdura.sdk.common.interceptors;

import io.perdura.sdk.activity.ActivityExecutionContext;

/**
 * The call of one activity execution (a remote attempt or a local activity attempt). Extend {@link
 * ActivityInboundCallsInterceptorBase} to override only what you need.
 */
public interface ActivityInboundCallsInterceptor {

    /** The activity's arguments and the header its workflow scheduled it with. */
    record ActivityInput(Header header, Object[] arguments) {}

    /** What the activity method returned. */
    record ActivityOutput(Object result) {}

    /** Called first, with the execution's context (its info, heartbeats). */
    void init(ActivityExecutionContext context);

    /** Runs the activity method; may throw what the activity throws. */
    ActivityOutput execute(ActivityInput input);
}
