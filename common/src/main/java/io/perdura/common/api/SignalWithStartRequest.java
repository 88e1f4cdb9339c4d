package io.perdura.common.api;

import io.perdura.common.model.RetryPolicy;
import io.perdura.common.model.WorkflowIdConflictPolicy;
import io.perdura.common.model.WorkflowIdReusePolicy;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * Body of {@code POST …/workflows/{workflowId}/signal-with-start/{signalName}}: the start fields of
 * {@link StartWorkflowRequest} and the signal's arguments. Signals the running run, or starts one and
 * signals it, atomically.
 *
 * @param signalInput JSON array of the signal's arguments
 * @param header the start's header (see {@link StartWorkflowRequest#header()})
 */
public record SignalWithStartRequest(
        String workflowType,
        String taskQueue,
        JsonNode input,
        String requestId,
        Duration workflowExecutionTimeout,
        Duration workflowRunTimeout,
        Duration workflowTaskTimeout,
        RetryPolicy retryPolicy,
        WorkflowIdReusePolicy workflowIdReusePolicy,
        WorkflowIdConflictPolicy workflowIdConflictPolicy,
        String cronSchedule,
        JsonNode memo,
        Duration workflowStartDelay,
        String identity,
        JsonNode signalInput,
        JsonNode header) {

    /** A request without a header. */
    public SignalWithStartRequest(
            String workflowType,
            String taskQueue,
            JsonNode input,
            String requestId,
            Duration workflowExecutionTimeout,
            Duration workflowRunTimeout,
            Duration workflowTaskTimeout,
            RetryPolicy retryPolicy,
            WorkflowIdReusePolicy workflowIdReusePolicy,
            WorkflowIdConflictPolicy workflowIdConflictPolicy,
            String cronSchedule,
            JsonNode memo,
            Duration workflowStartDelay,
            String identity,
            JsonNode signalInput) {
        this(
                workflowType,
                taskQueue,
                input,
                requestId,
                workflowExecutionTimeout,
                workflowRunTimeout,
                workflowTaskTimeout,
                retryPolicy,
                workflowIdReusePolicy,
                workflowIdConflictPolicy,
                cronSchedule,
                memo,
                workflowStartDelay,
                identity,
                signalInput,
                null);
    }

    /** The start part of this request. */
    public StartWorkflowRequest start() {
        return new StartWorkflowRequest(
                workflowType,
                taskQueue,
                input,
                requestId,
                workflowExecutionTimeout,
                workflowRunTimeout,
                workflowTaskTimeout,
                retryPolicy,
                workflowIdReusePolicy,
                workflowIdConflictPolicy,
                cronSchedule,
                memo,
                workflowStartDelay,
                identity,
                header);
    }

    /** A request of {@code start}'s fields and {@code signalInput}. */
    public static SignalWithStartRequest of(StartWorkflowRequest start, JsonNode signalInput) {
        return new SignalWithStartRequest(
                start.workflowType(),
                start.taskQueue(),
                start.input(),
                start.requestId(),
                start.workflowExecutionTimeout(),
                start.workflowRunTimeout(),
                start.workflowTaskTimeout(),
                start.retryPolicy(),
                start.workflowIdReusePolicy(),
                start.workflowIdConflictPolicy(),
                start.cronSchedule(),
                start.memo(),
                start.workflowStartDelay(),
                start.identity(),
                signalInput,
                start.header());
    }
}
