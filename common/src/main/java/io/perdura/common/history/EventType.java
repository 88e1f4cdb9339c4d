package io.perdura.common.history;

/** The type of a {@link HistoryEvent}; names follow Temporal's vocabulary. */
public enum EventType {
    WorkflowExecutionStarted,
    WorkflowExecutionCompleted,
    WorkflowExecutionFailed,
    WorkflowExecutionTimedOut,
    WorkflowExecutionTerminated,
    WorkflowExecutionCanceled,
    WorkflowExecutionCancelRequested,
    WorkflowExecutionContinuedAsNew,
    WorkflowExecutionSignaled,
    WorkflowTaskScheduled,
    WorkflowTaskStarted,
    WorkflowTaskCompleted,
    WorkflowTaskFailed,
    WorkflowTaskTimedOut,
    ActivityTaskScheduled,
    ActivityTaskStarted,
    ActivityTaskCompleted,
    ActivityTaskFailed,
    ActivityTaskTimedOut,
    TimerStarted,
    TimerFired,
    TimerCanceled,
    ActivityTaskCancelRequested,
    ActivityTaskCanceled,
    StartChildWorkflowExecutionInitiated,
    StartChildWorkflowExecutionFailed,
    ChildWorkflowExecutionStarted,
    ChildWorkflowExecutionCompleted,
    ChildWorkflowExecutionFailed,
    ChildWorkflowExecutionCanceled,
    ChildWorkflowExecutionTimedOut,
    ChildWorkflowExecutionTerminated,
    SignalExternalWorkflowExecutionInitiated,
    SignalExternalWorkflowExecutionFailed,
    ExternalWorkflowExecutionSignaled,
    RequestCancelExternalWorkflowExecutionInitiated,
    RequestCancelExternalWorkflowExecutionFailed,
    ExternalWorkflowExecutionCancelRequested,
    WorkflowExecutionUpdateAccepted,
    WorkflowExecutionUpdateCompleted,
    MarkerRecorded;

    /** Whether an event of this type closes the run. */
    public boolean isTerminal() {
        return switch (this) {
            case WorkflowExecutionCompleted,
                    WorkflowExecutionFailed,
                    WorkflowExecutionTimedOut,
                    WorkflowExecutionTerminated,
                    WorkflowExecutionCanceled,
                    WorkflowExecutionContinuedAsNew -> true;
            default -> false;
        };
    }

    /** Whether an event of this type is written as the result of a workflow command. */
    public boolean isCommandEvent() {
        return switch (this) {
            case ActivityTaskScheduled,
                    ActivityTaskCancelRequested,
                    TimerStarted,
                    TimerCanceled,
                    MarkerRecorded,
                    StartChildWorkflowExecutionInitiated,
                    SignalExternalWorkflowExecutionInitiated,
                    RequestCancelExternalWorkflowExecutionInitiated,
                    WorkflowExecutionUpdateAccepted,
                    WorkflowExecutionUpdateCompleted,
                    WorkflowExecutionCompleted,
                    WorkflowExecutionFailed,
                    WorkflowExecutionCanceled,
                    WorkflowExecutionContinuedAsNew -> true;
            default -> false;
        };
    }
}
