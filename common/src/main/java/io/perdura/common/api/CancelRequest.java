package io.perdura.common.api;

/**
 * Body of {@code POST …/workflows/{workflowId}/cancel}.
 *
 * @param reason why, recorded in WorkflowExecutionCancelRequested
 * @param requestId idempotency key
 * @param identity who asks
 */
public record CancelRequest(String reason, String requestId, String identity) {}
