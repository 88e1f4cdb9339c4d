package io.perdura.sdk.common.interceptors;

/**
 * Intercepts a {@code WorkflowClient}'s workflow calls. Registered with {@code
 * WorkflowClientOptions.Builder.setInterceptors}; the first one registered is the outermost.
 */
public interface WorkflowClientInterceptor {

    /** Returns {@code next} wrapped (or {@code next} itself); called for each workflow stub. */
    default WorkflowClientCallsInterceptor workflowClientCallsInterceptor(WorkflowClientCallsInterceptor next) {
        return next;
    }
}
