package io.perdura.history.mutablestate;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.perdura.common.model.ParentClosePolicy;

/**
 * A child the run asked for and that has not closed: INITIATED (StartChildWorkflowExecutionInitiated
 * written, the start on its way) → STARTED (ChildWorkflowExecutionStarted) → removed when its
 * closing event, or StartChildWorkflowExecutionFailed, is recorded, or when the parent closes.
 */
public final class ChildExecutionInfo {

    public enum State {
        INITIATED,
        STARTED
    }

    private long initiatedEventId;
    private long workflowTaskCompletedEventId;
    private String namespace;
    private String workflowId;
    private String workflowType;
    private ParentClosePolicy parentClosePolicy;
    private State state;
    private String startedRunId;
    private long startedEventId;

    @JsonCreator
    ChildExecutionInfo() {}

    public ChildExecutionInfo(
            long initiatedEventId,
            long workflowTaskCompletedEventId,
            String namespace,
            String workflowId,
            String workflowType,
            ParentClosePolicy parentClosePolicy) {
        this.initiatedEventId = initiatedEventId;
        this.workflowTaskCompletedEventId = workflowTaskCompletedEventId;
        this.namespace = namespace;
        this.workflowId = workflowId;
        this.workflowType = workflowType;
        this.parentClosePolicy = parentClosePolicy;
        this.state = State.INITIATED;
    }

    /**
     * INITIATED → STARTED: the child runs as {@code runId}. {@code eventId} is the id of
     * ChildWorkflowExecutionStarted, 0 while that event waits in the buffer ({@link #startedEventId(long)}).
     */
    public void started(String runId, long eventId) {
        if (state != State.INITIATED) {
            throw new IllegalStateException("child " + workflowId + " (" + initiatedEventId + ") is already " + state);
        }
        this.state = State.STARTED;
        this.startedRunId = runId;
        this.startedEventId = eventId;
    }

    /** The id ChildWorkflowExecutionStarted got when it was written from the buffer. */
    public void startedEventId(long eventId) {
        if (state != State.STARTED) {
            throw new IllegalStateException("child " + workflowId + " (" + initiatedEventId + ") is not started");
        }
        this.startedEventId = eventId;
    }

    public long initiatedEventId() {
        return initiatedEventId;
    }

    public long workflowTaskCompletedEventId() {
        return workflowTaskCompletedEventId;
    }

    public String namespace() {
        return namespace;
    }

    public String workflowId() {
        return workflowId;
    }

    public String workflowType() {
        return workflowType;
    }

    public ParentClosePolicy parentClosePolicy() {
        return parentClosePolicy;
    }

    public State state() {
        return state;
    }

    /** The child's first run, once STARTED. */
    public String startedRunId() {
        return startedRunId;
    }

    /** The parent's ChildWorkflowExecutionStarted event, 0 until it is written. */
    public long startedEventId() {
        return startedEventId;
    }
}
