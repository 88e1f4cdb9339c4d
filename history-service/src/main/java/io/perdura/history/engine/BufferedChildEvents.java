package io.perdura.history.engine;

import io.perdura.common.history.EventAttributes;
import io.perdura.common.history.EventAttributes.ChildWorkflowExecutionCanceled;
import io.perdura.common.history.EventAttributes.ChildWorkflowExecutionCompleted;
import io.perdura.common.history.EventAttributes.ChildWorkflowExecutionFailed;
import io.perdura.common.history.EventAttributes.ChildWorkflowExecutionStarted;
import io.perdura.common.history.EventAttributes.ChildWorkflowExecutionTerminated;
import io.perdura.common.history.EventAttributes.ChildWorkflowExecutionTimedOut;
import io.perdura.common.history.HistoryEvent;
import io.perdura.history.mutablestate.ChildExecutionInfo;
import io.perdura.history.mutablestate.MutableState;
import java.util.HashMap;
import java.util.Map;

/**
 * Child events written from the buffer: ChildWorkflowExecutionStarted learns its id only then, so
 * the pending child is told it, and an outcome buffered with it (started event id 0) gets it.
 */
final class BufferedChildEvents {

    private final MutableState state;
    private final Map<Long, Long> startedIds = new HashMap<>();

    BufferedChildEvents(MutableState state) {
        this.state = state;
    }

    /** The attributes, with the started event id filled in when it is a child outcome waiting for it. */
    EventAttributes withStartedEventId(EventAttributes attributes) {
        if (startedIds.isEmpty()) {
            return attributes;
        }
        return switch (attributes) {
            case ChildWorkflowExecutionCompleted c
            when c.startedEventId() == 0 ->
                new ChildWorkflowExecutionCompleted(
                        c.result(),
                        c.namespace(),
                        c.workflowExecution(),
                        c.workflowType(),
                        c.initiatedEventId(),
                        startedId(c.initiatedEventId()));
            case ChildWorkflowExecutionFailed f
            when f.startedEventId() == 0 ->
                new ChildWorkflowExecutionFailed(
                        f.failure(),
                        f.namespace(),
                        f.workflowExecution(),
                        f.workflowType(),
                        f.initiatedEventId(),
                        startedId(f.initiatedEventId()),
                        f.retryState());
            case ChildWorkflowExecutionCanceled c
            when c.startedEventId() == 0 ->
                new ChildWorkflowExecutionCanceled(
                        c.details(),
                        c.namespace(),
                        c.workflowExecution(),
                        c.workflowType(),
                        c.initiatedEventId(),
                        startedId(c.initiatedEventId()));
            case ChildWorkflowExecutionTimedOut t
            when t.startedEventId() == 0 ->
                new ChildWorkflowExecutionTimedOut(
                        t.namespace(),
                        t.workflowExecution(),
                        t.workflowType(),
                        t.initiatedEventId(),
                        startedId(t.initiatedEventId()),
                        t.retryState());
            case ChildWorkflowExecutionTerminated t
            when t.startedEventId() == 0 ->
                new ChildWorkflowExecutionTerminated(
                        t.namespace(),
                        t.workflowExecution(),
                        t.workflowType(),
                        t.initiatedEventId(),
                        startedId(t.initiatedEventId()));
            default -> attributes;
        };
    }

    /** Notes the id a buffered ChildWorkflowExecutionStarted was written with. */
    void written(HistoryEvent event) {
        if (event.attributes() instanceof ChildWorkflowExecutionStarted started) {
            startedIds.put(started.initiatedEventId(), event.eventId());
            ChildExecutionInfo child = state.child(started.initiatedEventId());
            if (child != null && child.state() == ChildExecutionInfo.State.STARTED) {
                child.startedEventId(event.eventId());
            }
        }
    }

    private long startedId(long initiatedEventId) {
        return startedIds.getOrDefault(initiatedEventId, 0L);
    }
}
