package io.perdura.common.history;

/** The type of a {@link HistoryEvent}; names follow Temporal's vocabulary. */
public enum EventType {
    WorkflowExecutionStarted,
    WorkflowExecutionCompleted,
    WorkflowExecutionFailed,
    WorkflowExecutionTimedOut,
    WorkflowExecutionTerminated,
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
    MarkerRecorded;

    /** Whether an event of this type closes the run. */
    public boolean isTerminal() {
        return switch (this) {
            case WorkflowExecutionCompleted,
                    WorkflowExecutionFailed,
                    WorkflowExecutionTimedOut,
                    WorkflowExecutionTerminated -> true;
            default -> false;
        };
    }

    /** Whether an event of this type is written as the result of a workflow command. */
    public boolean isCommandEvent() {
        return switch (this) {
            case ActivityTaskScheduled,
                    TimerStarted,
                    MarkerRecorded,
                    WorkflowExecutionCompleted,
                    WorkflowExecutionFailed -> true;
            default -> false;
        };
    }
}
