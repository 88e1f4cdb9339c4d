package io.perdura.common.model;

import java.util.Objects;

/** Identifies one run of a workflow: {@code (namespace, workflowId, runId)}. */
public record WorkflowExecutionKey(String namespace, String workflowId, String runId) {

    public WorkflowExecutionKey {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(workflowId, "workflowId");
        Objects.requireNonNull(runId, "runId");
    }

    /** The routing key of the workflow: every message about it is ordered on this key. */
    public String routingKey() {
        return routingKey(namespace, workflowId);
    }

    public static String routingKey(String namespace, String workflowId) {
        return namespace + "/" + workflowId;
    }

    @Override
    public String toString() {
        return namespace + "/" + workflowId + "/" + runId;
    }
}
