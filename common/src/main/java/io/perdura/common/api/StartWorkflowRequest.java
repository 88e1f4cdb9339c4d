package io.perdura.common.api;

import io.perdura.common.model.RetryPolicy;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * Body of {@code POST /api/v1/namespaces/{ns}/workflows/{workflowId}}.
 *
 * @param workflowType the workflow type to run
 * @param taskQueue the task queue its workflow tasks go to
 * @param input JSON array of arguments
 * @param requestId idempotency key: the same requestId returns the same run
 * @param workflowExecutionTimeout limit for the whole execution
 * @param workflowRunTimeout limit for one run
 * @param workflowTaskTimeout start-to-close limit of each workflow task (default 10s)
 * @param retryPolicy default retry policy for the workflow's activities
 */
public record StartWorkflowRequest(
        String workflowType,
        String taskQueue,
        JsonNode input,
        String requestId,
        Duration workflowExecutionTimeout,
        Duration workflowRunTimeout,
        Duration workflowTaskTimeout,
        RetryPolicy retryPolicy) {}
