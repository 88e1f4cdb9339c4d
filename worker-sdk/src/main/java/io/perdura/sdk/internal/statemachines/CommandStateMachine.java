package io.perdura.sdk.internal.statemachines;

import io.perdura.common.command.Command;
import io.perdura.common.history.EventAttributes.ActivityTaskCancelRequested;
import io.perdura.common.history.EventAttributes.ActivityTaskCanceled;
import io.perdura.common.history.EventAttributes.ActivityTaskCompleted;
import io.perdura.common.history.EventAttributes.ActivityTaskFailed;
import io.perdura.common.history.EventAttributes.ActivityTaskScheduled;
import io.perdura.common.history.EventAttributes.ActivityTaskStarted;
import io.perdura.common.history.EventAttributes.ActivityTaskTimedOut;
import io.perdura.common.history.EventAttributes.ChildWorkflowExecutionCanceled;
import io.perdura.common.history.EventAttributes.ChildWorkflowExecutionCompleted;
import io.perdura.common.history.EventAttributes.ChildWorkflowExecutionFailed;
import io.perdura.common.history.EventAttributes.ChildWorkflowExecutionStarted;
import io.perdura.common.history.EventAttributes.ChildWorkflowExecutionTerminated;
import io.perdura.common.history.EventAttributes.ChildWorkflowExecutionTimedOut;
import io.perdura.common.history.EventAttributes.ExternalWorkflowExecutionCancelRequested;
import io.perdura.common.history.EventAttributes.ExternalWorkflowExecutionSignaled;
import io.perdura.common.history.EventAttributes.MarkerRecorded;
import io.perdura.common.history.EventAttributes.RequestCancelExternalWorkflowExecutionFailed;
import io.perdura.common.history.EventAttributes.RequestCancelExternalWorkflowExecutionInitiated;
import io.perdura.common.history.EventAttributes.SignalExternalWorkflowExecutionFailed;
import io.perdura.common.history.EventAttributes.SignalExternalWorkflowExecutionInitiated;
import io.perdura.common.history.EventAttributes.StartChildWorkflowExecutionFailed;
import io.perdura.common.history.EventAttributes.StartChildWorkflowExecutionInitiated;
import io.perdura.common.history.EventAttributes.TimerCanceled;
import io.perdura.common.history.EventAttributes.TimerFired;
import io.perdura.common.history.EventAttributes.TimerStarted;
import io.perdura.common.history.EventAttributes.WorkflowExecutionUpdateAccepted;
import io.perdura.common.history.EventAttributes.WorkflowExecutionUpdateCompleted;
import io.perdura.common.history.HistoryEvent;

/**
 * The life of one entity workflow code creates through commands (an activity, a timer, a marker,
 * the run's completion …), each subclass a declarative transition table. Its {@link #command()} is
 * the command it wants sent in the current workflow task: first the one that creates it, later
 * possibly a cancel request. History confirms each command with a command event ({@link
 * #handleCommandEvent}); the entity's later events ({@link #handleEvent}) find it through {@link
 * #initialEventId()}, the id of the command event that first recorded it (see {@link
 * #initialEventIdOf}).
 */
public abstract class CommandStateMachine {

    CommandStateMachine() {}

    /** The command this machine wants sent now. */
    public abstract Command command();

    /** Whether {@code event} is the command event that records {@link #command()} (type and identity). */
    public abstract boolean matches(HistoryEvent event);

    /** Applies the command event that records {@link #command()}. */
    public abstract void handleCommandEvent(HistoryEvent event);

    /** Applies a later, non-command event about this entity (an outcome …). */
    public void handleEvent(HistoryEvent event) {
        throw new IllegalStateException(describe() + " does not expect " + event.eventType());
    }

    /** The id of the command event that first recorded this entity, once recorded; 0 before, or if nothing refers to it. */
    public long initialEventId() {
        return 0;
    }

    /** Whether no further event can concern this machine. */
    public abstract boolean isFinal();

    /** A short description of {@link #command()} for non-determinism messages, e.g. {@code StartTimer(timerId=1)}. */
    public abstract String describe();

    /**
     * The {@link #initialEventId()} a non-command event refers to (an activity's scheduledEventId, a
     * timer's startedEventId, the initiatedEventId of a child's or an external request's outcome …),
     * or 0 for an event that concerns no command entity.
     */
    public static long initialEventIdOf(HistoryEvent event) {
        return switch (event.attributes()) {
            case ActivityTaskStarted a -> a.scheduledEventId();
            case ActivityTaskCompleted a -> a.scheduledEventId();
            case ActivityTaskFailed a -> a.scheduledEventId();
            case ActivityTaskTimedOut a -> a.scheduledEventId();
            case ActivityTaskCanceled a -> a.scheduledEventId();
            case TimerFired t -> t.startedEventId();
            case ChildWorkflowExecutionStarted c -> c.initiatedEventId();
            case StartChildWorkflowExecutionFailed c -> c.initiatedEventId();
            case ChildWorkflowExecutionCompleted c -> c.initiatedEventId();
            case ChildWorkflowExecutionFailed c -> c.initiatedEventId();
            case ChildWorkflowExecutionCanceled c -> c.initiatedEventId();
            case ChildWorkflowExecutionTimedOut c -> c.initiatedEventId();
            case ChildWorkflowExecutionTerminated c -> c.initiatedEventId();
            case ExternalWorkflowExecutionSignaled s -> s.initiatedEventId();
            case SignalExternalWorkflowExecutionFailed s -> s.initiatedEventId();
            case ExternalWorkflowExecutionCancelRequested r -> r.initiatedEventId();
            case RequestCancelExternalWorkflowExecutionFailed r -> r.initiatedEventId();
            default -> 0;
        };
    }

    /** Describes a command event the same way {@link #describe()} does, for messages. */
    public static String describeEvent(HistoryEvent event) {
        return switch (event.attributes()) {
            case ActivityTaskScheduled a ->
                "ActivityTaskScheduled(activityType=" + a.activityType() + ", activityId=" + a.activityId() + ")";
            case ActivityTaskCancelRequested a ->
                "ActivityTaskCancelRequested(scheduledEventId=" + a.scheduledEventId() + ")";
            case TimerStarted t -> "TimerStarted(timerId=" + t.timerId() + ")";
            case TimerCanceled t -> "TimerCanceled(timerId=" + t.timerId() + ")";
            case StartChildWorkflowExecutionInitiated c ->
                "StartChildWorkflowExecutionInitiated(workflowType=" + c.workflowType() + ", workflowId="
                        + c.workflowId() + ")";
            case SignalExternalWorkflowExecutionInitiated s ->
                "SignalExternalWorkflowExecutionInitiated(workflowId="
                        + (s.workflowExecution() == null
                                ? null
                                : s.workflowExecution().workflowId())
                        + ", signalName=" + s.signalName() + ")";
            case RequestCancelExternalWorkflowExecutionInitiated r ->
                "RequestCancelExternalWorkflowExecutionInitiated(workflowId="
                        + (r.workflowExecution() == null
                                ? null
                                : r.workflowExecution().workflowId()) + ")";
            case MarkerRecorded m ->
                "MarkerRecorded(markerName=" + m.markerName()
                        + (m.details() != null && m.details().has("changeId")
                                ? ", changeId=" + m.details().get("changeId").asString()
                                : "")
                        + (m.details() != null && m.details().has("patchId")
                                ? ", patchId=" + m.details().get("patchId").asString()
                                : "")
                        + (m.details() != null && m.details().has("activityId")
                                ? ", activityId="
                                        + m.details().get("activityId").asString() + ", activityType="
                                        + (m.details().has("activityType")
                                                ? m.details()
                                                        .get("activityType")
                                                        .asString()
                                                : null)
                                : "")
                        + ")";
            case WorkflowExecutionUpdateAccepted u ->
                "WorkflowExecutionUpdateAccepted(updateId=" + u.protocolInstanceId() + ", name="
                        + (u.acceptedRequest() == null || u.acceptedRequest().input() == null
                                ? null
                                : u.acceptedRequest().input().name())
                        + ")";
            case WorkflowExecutionUpdateCompleted u ->
                "WorkflowExecutionUpdateCompleted(updateId="
                        + (u.meta() == null ? null : u.meta().updateId()) + ")";
            default -> event.eventType().name();
        };
    }
}
