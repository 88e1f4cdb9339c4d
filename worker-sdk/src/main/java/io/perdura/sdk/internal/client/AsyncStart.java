package io.perdura.sdk.internal.client;

import io.perdura.sdk.client.WorkflowExecution;

/**
 * Backs {@code WorkflowClient.start(stub::method, args…)}: while the method reference runs, a typed
 * stub's workflow method starts the run and returns at once instead of waiting for the result.
 */
public final class AsyncStart {

    private static final ThreadLocal<AsyncStart> CURRENT = new ThreadLocal<>();

    private WorkflowExecution execution;

    private AsyncStart() {}

    public static WorkflowExecution start(Runnable call) {
        AsyncStart previous = CURRENT.get();
        AsyncStart recorder = new AsyncStart();
        CURRENT.set(recorder);
        try {
            call.run();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
        if (recorder.execution == null) {
            throw new IllegalArgumentException(
                    "WorkflowClient.start expects a @WorkflowMethod of a stub from WorkflowClient.newWorkflowStub");
        }
        return recorder.execution;
    }

    /** Whether a start(...) is in progress on this thread and no workflow was started by it yet. */
    static boolean isActive() {
        AsyncStart recorder = CURRENT.get();
        return recorder != null && recorder.execution == null;
    }

    static void record(WorkflowExecution execution) {
        CURRENT.get().execution = execution;
    }
}
