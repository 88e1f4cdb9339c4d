package io.perdura.common.history;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.perdura.common.history.EventAttributes.*;
import java.time.Instant;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * One immutable, numbered fact in a run's event history. In JSON: {@code {"eventId":1,
 * "eventTime":"…","eventType":"WorkflowExecutionStarted","attributes":{…}}}, in that order.
 */
@JsonSerialize(using = HistoryEventSerializer.class)
public record HistoryEvent(
        long eventId,
        Instant eventTime,

        @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXTERNAL_PROPERTY, property = "eventType")
        @JsonSubTypes({
            @JsonSubTypes.Type(value = WorkflowExecutionStarted.class, name = "WorkflowExecutionStarted"),
            @JsonSubTypes.Type(value = WorkflowExecutionCompleted.class, name = "WorkflowExecutionCompleted"),
            @JsonSubTypes.Type(value = WorkflowExecutionFailed.class, name = "WorkflowExecutionFailed"),
            @JsonSubTypes.Type(value = WorkflowExecutionTimedOut.class, name = "WorkflowExecutionTimedOut"),
            @JsonSubTypes.Type(value = WorkflowExecutionTerminated.class, name = "WorkflowExecutionTerminated"),
            @JsonSubTypes.Type(value = WorkflowExecutionCanceled.class, name = "WorkflowExecutionCanceled"),
            @JsonSubTypes.Type(
                    value = WorkflowExecutionCancelRequested.class,
                    name = "WorkflowExecutionCancelRequested"),
            @JsonSubTypes.Type(value = WorkflowExecutionContinuedAsNew.class, name = "WorkflowExecutionContinuedAsNew"),
            @JsonSubTypes.Type(value = WorkflowExecutionSignaled.class, name = "WorkflowExecutionSignaled"),
            @JsonSubTypes.Type(value = WorkflowTaskScheduled.class, name = "WorkflowTaskScheduled"),
            @JsonSubTypes.Type(value = WorkflowTaskStarted.class, name = "WorkflowTaskStarted"),
            @JsonSubTypes.Type(value = WorkflowTaskCompleted.class, name = "WorkflowTaskCompleted"),
            @JsonSubTypes.Type(value = WorkflowTaskFailed.class, name = "WorkflowTaskFailed"),
            @JsonSubTypes.Type(value = WorkflowTaskTimedOut.class, name = "WorkflowTaskTimedOut"),
            @JsonSubTypes.Type(value = ActivityTaskScheduled.class, name = "ActivityTaskScheduled"),
            @JsonSubTypes.Type(value = ActivityTaskStarted.class, name = "ActivityTaskStarted"),
            @JsonSubTypes.Type(value = ActivityTaskCompleted.class, name = "ActivityTaskCompleted"),
            @JsonSubTypes.Type(value = ActivityTaskFailed.class, name = "ActivityTaskFailed"),
            @JsonSubTypes.Type(value = ActivityTaskTimedOut.class, name = "ActivityTaskTimedOut"),
            @JsonSubTypes.Type(value = TimerStarted.class, name = "TimerStarted"),
            @JsonSubTypes.Type(value = TimerFired.class, name = "TimerFired"),
            @JsonSubTypes.Type(value = TimerCanceled.class, name = "TimerCanceled"),
            @JsonSubTypes.Type(value = ActivityTaskCancelRequested.class, name = "ActivityTaskCancelRequested"),
            @JsonSubTypes.Type(value = ActivityTaskCanceled.class, name = "ActivityTaskCanceled"),
            @JsonSubTypes.Type(
                    value = StartChildWorkflowExecutionInitiated.class,
                    name = "StartChildWorkflowExecutionInitiated"),
            @JsonSubTypes.Type(
                    value = StartChildWorkflowExecutionFailed.class,
                    name = "StartChildWorkflowExecutionFailed"),
            @JsonSubTypes.Type(value = ChildWorkflowExecutionStarted.class, name = "ChildWorkflowExecutionStarted"),
            @JsonSubTypes.Type(value = ChildWorkflowExecutionCompleted.class, name = "ChildWorkflowExecutionCompleted"),
            @JsonSubTypes.Type(value = ChildWorkflowExecutionFailed.class, name = "ChildWorkflowExecutionFailed"),
            @JsonSubTypes.Type(value = ChildWorkflowExecutionCanceled.class, name = "ChildWorkflowExecutionCanceled"),
            @JsonSubTypes.Type(value = ChildWorkflowExecutionTimedOut.class, name = "ChildWorkflowExecutionTimedOut"),
            @JsonSubTypes.Type(
                    value = ChildWorkflowExecutionTerminated.class,
                    name = "ChildWorkflowExecutionTerminated"),
            @JsonSubTypes.Type(
                    value = SignalExternalWorkflowExecutionInitiated.class,
                    name = "SignalExternalWorkflowExecutionInitiated"),
            @JsonSubTypes.Type(
                    value = SignalExternalWorkflowExecutionFailed.class,
                    name = "SignalExternalWorkflowExecutionFailed"),
            @JsonSubTypes.Type(
                    value = ExternalWorkflowExecutionSignaled.class,
                    name = "ExternalWorkflowExecutionSignaled"),
            @JsonSubTypes.Type(
                    value = RequestCancelExternalWorkflowExecutionInitiated.class,
                    name = "RequestCancelExternalWorkflowExecutionInitiated"),
            @JsonSubTypes.Type(
                    value = RequestCancelExternalWorkflowExecutionFailed.class,
                    name = "RequestCancelExternalWorkflowExecutionFailed"),
            @JsonSubTypes.Type(
                    value = ExternalWorkflowExecutionCancelRequested.class,
                    name = "ExternalWorkflowExecutionCancelRequested"),
            @JsonSubTypes.Type(value = WorkflowExecutionUpdateAccepted.class, name = "WorkflowExecutionUpdateAccepted"),
            @JsonSubTypes.Type(
                    value = WorkflowExecutionUpdateCompleted.class,
                    name = "WorkflowExecutionUpdateCompleted"),
            @JsonSubTypes.Type(value = MarkerRecorded.class, name = "MarkerRecorded")
        })
        EventAttributes attributes) {

    @JsonIgnore
    public EventType eventType() {
        return attributes.eventType();
    }

    /** The attributes, cast to the expected type. */
    public <T extends EventAttributes> T attributes(Class<T> type) {
        return type.cast(attributes);
    }
}
