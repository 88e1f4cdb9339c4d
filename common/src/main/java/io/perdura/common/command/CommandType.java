package io.perdura.common.command;

/** The type of a {@link Command}; names follow Temporal's vocabulary. */
public enum CommandType {
    ScheduleActivityTask,
    StartTimer,
    RecordMarker,
    CompleteWorkflowExecution,
    FailWorkflowExecution
}
