package io.perdura.sdk.internal.replay;

import io.perdura.common.command.Command;
import io.perdura.common.history.EventAttributes.ActivityTaskCancelRequested;
import io.perdura.common.history.EventAttributes.ActivityTaskScheduled;
import io.perdura.common.history.EventAttributes.MarkerRecorded;
import io.perdura.common.history.EventAttributes.RequestCancelExternalWorkflowExecutionInitiated;
import io.perdura.common.history.EventAttributes.SignalExternalWorkflowExecutionInitiated;
import io.perdura.common.history.EventAttributes.StartChildWorkflowExecutionInitiated;
import io.perdura.common.history.EventAttributes.TimerCanceled;
import io.perdura.common.history.EventAttributes.TimerStarted;
import io.perdura.common.history.EventAttributes.WorkflowExecutionCanceled;
import io.perdura.common.history.EventAttributes.WorkflowExecutionCompleted;
import io.perdura.common.history.EventAttributes.WorkflowExecutionContinuedAsNew;
import io.perdura.common.history.EventAttributes.WorkflowExecutionFailed;
import io.perdura.common.history.EventAttributes.WorkflowExecutionUpdateAccepted;
import io.perdura.common.history.EventAttributes.WorkflowExecutionUpdateCompleted;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.json.Json;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Whether a command event records a given command, attribute by attribute, as the server writes it. */
final class RecordedCommands {

    private RecordedCommands() {}

    /**
     * A side effect computes its value afresh when its task is answered afresh: compare the rest, as
     * JSON text (a number read back from history is not the same node type as the one written).
     */
    private static JsonNode withoutData(JsonNode details) {
        if (details instanceof ObjectNode object) {
            ObjectNode copy = object.deepCopy();
            copy.remove("data");
            return copy;
        }
        return details;
    }

    /** A local activity's marker records when it ran, which differs each time it runs. */
    private static JsonNode withoutTimes(JsonNode details) {
        ObjectNode copy = ((ObjectNode) details).deepCopy();
        copy.remove("time");
        copy.remove("originalScheduledTime");
        return copy;
    }

    static boolean records(HistoryEvent event, Command command) {
        return switch (command) {
            case Command.ScheduleActivityTask c ->
                event.attributes() instanceof ActivityTaskScheduled a
                        && a.activityId().equals(c.activityId())
                        && a.activityType().equals(c.activityType())
                        && a.taskQueue().equals(c.taskQueue())
                        && Objects.equals(a.input(), c.input())
                        && Objects.equals(a.startToCloseTimeout(), c.startToCloseTimeout())
                        && Objects.equals(a.scheduleToCloseTimeout(), c.scheduleToCloseTimeout())
                        && Objects.equals(a.heartbeatTimeout(), c.heartbeatTimeout());
            case Command.RequestCancelActivityTask c ->
                event.attributes() instanceof ActivityTaskCancelRequested a
                        && a.scheduledEventId() == c.scheduledEventId();
            case Command.StartTimer c ->
                event.attributes() instanceof TimerStarted t
                        && t.timerId().equals(c.timerId())
                        && t.startToFireTimeout().equals(c.startToFireTimeout());
            case Command.CancelTimer c ->
                event.attributes() instanceof TimerCanceled t && t.timerId().equals(c.timerId());
            case Command.RecordMarker c
            when "LocalActivity".equals(c.markerName()) ->
                event.attributes() instanceof MarkerRecorded m
                        && m.markerName().equals(c.markerName())
                        && Json.write(withoutTimes(m.details())).equals(Json.write(withoutTimes(c.details())))
                        && (m.failure() == null) == (c.failure() == null)
                        && (m.failure() == null
                                || m.failure()
                                        .cause()
                                        .message()
                                        .equals(c.failure().cause().message()));
            case Command.RecordMarker c ->
                event.attributes() instanceof MarkerRecorded m
                        && m.markerName().equals(c.markerName())
                        && Json.write(withoutData(m.details())).equals(Json.write(withoutData(c.details())));
            case Command.StartChildWorkflowExecution c ->
                event.attributes() instanceof StartChildWorkflowExecutionInitiated i
                        && (c.namespace() == null || c.namespace().equals(i.namespace()))
                        && i.workflowId().equals(c.workflowId())
                        && i.workflowType().equals(c.workflowType())
                        && (c.taskQueue() == null || c.taskQueue().equals(i.taskQueue()))
                        && Objects.equals(i.input(), c.input())
                        && Objects.equals(i.workflowRunTimeout(), c.workflowRunTimeout())
                        && Objects.equals(i.workflowExecutionTimeout(), c.workflowExecutionTimeout())
                        && (c.parentClosePolicy() == null || c.parentClosePolicy() == i.parentClosePolicy())
                        && (c.workflowIdReusePolicy() == null
                                || c.workflowIdReusePolicy() == i.workflowIdReusePolicy());
            case Command.SignalExternalWorkflowExecution c ->
                event.attributes() instanceof SignalExternalWorkflowExecutionInitiated i
                        && Objects.equals(i.workflowExecution(), c.execution())
                        && i.signalName().equals(c.signalName())
                        && Objects.equals(i.input(), c.input())
                        && i.childWorkflowOnly() == c.childWorkflowOnly();
            case Command.RequestCancelExternalWorkflowExecution c ->
                event.attributes() instanceof RequestCancelExternalWorkflowExecutionInitiated i
                        && Objects.equals(i.workflowExecution(), c.execution())
                        && i.childWorkflowOnly() == c.childWorkflowOnly()
                        && Objects.equals(i.reason(), c.reason());
            case Command.CompleteWorkflowExecution c ->
                event.attributes() instanceof WorkflowExecutionCompleted e && Objects.equals(e.result(), c.result());
            case Command.FailWorkflowExecution c ->
                event.attributes() instanceof WorkflowExecutionFailed e
                        && e.failure().message().equals(c.failure().message());
            case Command.CancelWorkflowExecution c ->
                event.attributes() instanceof WorkflowExecutionCanceled e && Objects.equals(e.details(), c.details());
            case Command.ContinueAsNewWorkflowExecution c ->
                event.attributes() instanceof WorkflowExecutionContinuedAsNew e
                        && (c.workflowType() == null || c.workflowType().equals(e.workflowType()))
                        && (c.taskQueue() == null || c.taskQueue().equals(e.taskQueue()))
                        && Objects.equals(e.input(), c.input())
                        && (c.workflowRunTimeout() == null
                                || c.workflowRunTimeout().equals(e.workflowRunTimeout()))
                        && (c.workflowTaskTimeout() == null
                                || c.workflowTaskTimeout().equals(e.workflowTaskTimeout()));
            case Command.AcceptWorkflowUpdate c ->
                event.attributes() instanceof WorkflowExecutionUpdateAccepted a
                        && a.protocolInstanceId().equals(c.updateId());
            case Command.CompleteWorkflowUpdate c ->
                event.attributes() instanceof WorkflowExecutionUpdateCompleted u
                        && u.meta().updateId().equals(c.updateId())
                        && Objects.equals(u.outcome().success(), c.result())
                        && (u.outcome().failure() == null) == (c.failure() == null);
            default -> false;
        };
    }
}
