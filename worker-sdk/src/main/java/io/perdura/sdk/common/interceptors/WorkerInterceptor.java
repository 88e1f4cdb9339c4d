package io.perdura.sdk.common.interceptors;

/**
 * Intercepts what a worker runs: each workflow run's inbound calls (and, through {@link
 * WorkflowInboundCallsInterceptor#init}, its outbound calls) and each activity execution. Registered
 * with {@code WorkerFactoryOptions.Builder.setWorkerInterceptors}; the first one registered is the
 * outermost. Each method returns {@code next} wrapped (or {@code next} itself to leave it alone).
 */
public interface WorkerInterceptor {

    /** Called once per run when a worker builds it (again after a cache eviction, for the replay). */
    default WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
        return next;
    }

    /** Called once per activity execution (remote or local). */
    default ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
        return next;
    }
}
