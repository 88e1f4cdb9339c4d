package io.perdura.common.command;

/** The type of a {@link Command}; names follow Temporal's vocabulary. */
public enum CommandType {
    ScheduleActivityTask,
    RequestCancelActivityTask,
    StartTimer,
    CancelTimer,
    RecordMarker,
    StartChildWorkflowExecution,
    SignalExternalWorkflowExecution,
    RequestCancelExternalWorkflowExecution,
    AcceptWorkflowUpdate,
    CompleteWorkflowUpdate,
    RejectWorkflowUpdate,
    CompleteWorkflowExecution,
    FailWorkflowExecution,
    CancelWorkflowExecution,
    ContinueAsNewWorkflowExecution
}
