package io.perdura.history.mutablestate;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.perdura.common.model.UpdateRequest;
import java.time.Instant;

/**
 * The state machine of one update of a run: ADMITTED (kept here with its request until the workflow
 * answers; delivered with every workflow task that starts meanwhile) → ACCEPTED
 * (WorkflowExecutionUpdateAccepted written; the request now lives in that event) → COMPLETED
 * (WorkflowExecutionUpdateCompleted written; kept as a pointer to it, so that repeating the update id
 * returns the outcome). A rejected update is dropped: it leaves no trace.
 */
public final class UpdateInfo {

    /** Where the update is in its life. */
    public enum State {
        ADMITTED,
        ACCEPTED,
        COMPLETED
    }

    private String updateId;
    private State state;
    private UpdateRequest request;
    private String identity;
    private Instant admittedTime;
    private long deliveredStartedEventId;
    private long sequencingEventId;
    private long acceptedEventId;
    private long completedEventId;

    @JsonCreator
    UpdateInfo() {}

    private UpdateInfo(UpdateRequest request, Instant now) {
        this.updateId = request.meta().updateId();
        this.state = State.ADMITTED;
        this.request = request;
        this.identity = request.meta().identity();
        this.admittedTime = now;
    }

    /** A new update, waiting to be delivered. */
    public static UpdateInfo admitted(UpdateRequest request, Instant now) {
        return new UpdateInfo(request, now);
    }

    /**
     * Delivered with the workflow task started as event {@code startedEventId}: the workflow runs it
     * after event {@code startedEventId - 1}. Only an admitted update is delivered.
     */
    public void delivered(long startedEventId) {
        require(State.ADMITTED);
        this.deliveredStartedEventId = startedEventId;
        this.sequencingEventId = startedEventId - 1;
    }

    /** Whether it went out with the workflow task started as {@code startedEventId} (and is still unanswered). */
    public boolean isDeliveredIn(long startedEventId) {
        return state == State.ADMITTED && deliveredStartedEventId == startedEventId;
    }

    /** ADMITTED → ACCEPTED, recorded as event {@code eventId}. */
    public void accept(long eventId) {
        require(State.ADMITTED);
        this.state = State.ACCEPTED;
        this.acceptedEventId = eventId;
        this.request = null;
    }

    /** ACCEPTED → COMPLETED, recorded as event {@code eventId}. */
    public void complete(long eventId) {
        require(State.ACCEPTED);
        this.state = State.COMPLETED;
        this.completedEventId = eventId;
    }

    private void require(State expected) {
        if (state != expected) {
            throw new IllegalStateException("update " + updateId + " is " + state + ", not " + expected);
        }
    }

    public String updateId() {
        return updateId;
    }

    public State state() {
        return state;
    }

    public boolean isAdmitted() {
        return state == State.ADMITTED;
    }

    public boolean isCompleted() {
        return state == State.COMPLETED;
    }

    /** The update as the workflow receives it; null once accepted (WorkflowExecutionUpdateAccepted holds it). */
    public UpdateRequest request() {
        return request;
    }

    public String identity() {
        return identity;
    }

    public Instant admittedTime() {
        return admittedTime;
    }

    /** The event after which the workflow ran it: the one before the WorkflowTaskStarted it came with. */
    public long sequencingEventId() {
        return sequencingEventId;
    }

    public long acceptedEventId() {
        return acceptedEventId;
    }

    public long completedEventId() {
        return completedEventId;
    }
}
