package io.perdura.common.model;

/** An update as the workflow receives it and as WorkflowExecutionUpdateAccepted records it. */
public record UpdateRequest(UpdateMeta meta, UpdateInput input) {}
