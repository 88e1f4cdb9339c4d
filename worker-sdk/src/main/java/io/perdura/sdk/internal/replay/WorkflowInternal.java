package io.perdura.sdk.internal.replay;

/** Finds the workflow run the current thread works for; backs {@link io.perdura.sdk.workflow.Workflow}. */
public final class WorkflowInternal {

    private static final ThreadLocal<WorkflowRunContext> CURRENT = new ThreadLocal<>();

    private WorkflowInternal() {}

    /** The current run's context; fails outside workflow code. */
    public static WorkflowRunContext current() {
        WorkflowRunContext context = CURRENT.get();
        if (context == null) {
            throw new IllegalStateException(
                    "Workflow methods may only be called from workflow code run by a Perdura worker");
        }
        return context;
    }

    /** Whether the current thread runs workflow code. */
    public static boolean isWorkflowThread() {
        return CURRENT.get() != null;
    }

    static WorkflowRunContext bind(WorkflowRunContext context) {
        WorkflowRunContext previous = CURRENT.get();
        CURRENT.set(context);
        return previous;
    }

    static void restore(WorkflowRunContext previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }
}
