package io.perdura.sdk.common.interceptors;

import io.perdura.sdk.activity.ActivityExecutionContext;

/** An {@link ActivityInboundCallsInterceptor} that passes every call on to the next one. */
public class ActivityInboundCallsInterceptorBase implements ActivityInboundCallsInterceptor {

    protected final ActivityInboundCallsInterceptor next;

    public ActivityInboundCallsInterceptorBase(ActivityInboundCallsInterceptor next) {
        this.next = next;
    }

    @Override
    public void init(ActivityExecutionContext context) {
        next.init(context);
    }

    @Override
    public ActivityOutput execute(ActivityInput input) {
        return next.execute(input);
    }
}
