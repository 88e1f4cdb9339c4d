package io.perdura.history.mutablestate;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.perdura.common.model.WorkflowExecution;

/**
 * A signal to, or a cancel request of, another workflow that the run sent and whose delivery is not
 * recorded yet: kept from its *Initiated event until ExternalWorkflowExecutionSignaled /
 * ExternalWorkflowExecutionCancelRequested (or the matching *Failed event) is recorded, or the run
 * closes.
 */
public final class ExternalRequestInfo {

    public enum Kind {
        SIGNAL,
        CANCEL
    }

    private Kind kind;
    private long initiatedEventId;
    private long workflowTaskCompletedEventId;
    private String namespace;
    private WorkflowExecution execution;

    @JsonCreator
    ExternalRequestInfo() {}

    public ExternalRequestInfo(
            Kind kind,
            long initiatedEventId,
            long workflowTaskCompletedEventId,
            String namespace,
            WorkflowExecution execution) {
        this.kind = kind;
        this.initiatedEventId = initiatedEventId;
        this.workflowTaskCompletedEventId = workflowTaskCompletedEventId;
        this.namespace = namespace;
        this.execution = execution;
    }

    public Kind kind() {
        return kind;
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

    /** The target as the command named it (run id null: its current run). */
    public WorkflowExecution execution() {
        return execution;
    }
}
