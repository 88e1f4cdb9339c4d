package io.perdura.common.api;

/** Body of {@code POST …/workflows/{workflowId}/terminate}. */
public record TerminateRequest(String reason, String identity) {}
