package io.perdura.common.api;

import io.perdura.common.model.RetryPolicy;
import io.perdura.common.model.WorkflowIdConflictPolicy;
import io.perdura.common.model.WorkflowIdReusePolicy;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * Body of {@code POST /api/v1/namespaces/{ns}/workflows/{workflowId}}.
 *
 * @param workflowType the workflow type to run
 * @param taskQueue the task queue its workflow tasks go to
 * @param input JSON array of arguments
 * @param requestId idempotency key: the same requestId returns the same run
 * @param workflowExecutionTimeout limit for the whole execution, across continue-as-new, retries and cron runs
 * @param workflowRunTimeout limit for one run
 * @param workflowTaskTimeout start-to-close limit of each workflow task (default 10s)
 * @param retryPolicy the workflow's retry policy: a failed (or run-timed-out) run is retried as a new run
 * @param workflowIdReusePolicy whether the id may start again after its last run closed (default
 *     ALLOW_DUPLICATE)
 * @param workflowIdConflictPolicy what to do when the id has a running run (default FAIL)
 * @param cronSchedule a cron schedule (5 fields, UTC, or {@code @every 1h}): each run starts at the next time
 * @param memo a JSON object of non-indexed values, returned by describe
 * @param workflowStartDelay how long to wait before the first workflow task
 * @param identity who starts it
 * @param header a JSON object of context for interceptors (a trace context …), recorded in
 *     WorkflowExecutionStarted and handed to the worker; absent for none
 * @param requestEagerExecution true when the caller is also a worker for {@code taskQueue} with a
 *     workflow-task slot reserved: a new run's first workflow task starts in the start's transaction
 *     and comes back as {@link StartWorkflowResponse#eagerWorkflowTask()} (ADR 29); null or false:
 *     dispatched through matching
 */
public record StartWorkflowRequest(
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
        JsonNode header,
        Boolean requestEagerExecution) {

    /** A start that does not ask for eager execution. */
    public StartWorkflowRequest(
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
            JsonNode header) {
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
                header,
                null);
    }

    /** Whether the start asks for its first workflow task in the answer. */
    public boolean eager() {
        return Boolean.TRUE.equals(requestEagerExecution);
    }

    /** A start without a header. */
    public StartWorkflowRequest(
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
            String identity) {
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
                null);
    }

    /** A start with Perdura's defaults for the policies, no schedule, memo or delay. */
    public StartWorkflowRequest(
            String workflowType,
            String taskQueue,
            JsonNode input,
            String requestId,
            Duration workflowExecutionTimeout,
            Duration workflowRunTimeout,
            Duration workflowTaskTimeout,
            RetryPolicy retryPolicy) {
        this(
                workflowType,
                taskQueue,
                input,
                requestId,
                workflowExecutionTimeout,
                workflowRunTimeout,
                workflowTaskTimeout,
                retryPolicy,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** This request with {@code input} and {@code requestId} replaced (the frontend's normalised copy). */
    public StartWorkflowRequest with(JsonNode newInput, String newRequestId) {
        return new StartWorkflowRequest(
                workflowType,
                taskQueue,
                newInput,
                newRequestId,
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
                header,
                requestEagerExecution);
    }

    /** This request with {@code newHeader} as its header. */
    public StartWorkflowRequest withHeader(JsonNode newHeader) {
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
                newHeader,
                requestEagerExecution);
    }
}
