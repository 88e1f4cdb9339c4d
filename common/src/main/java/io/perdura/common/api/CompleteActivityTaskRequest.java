package io.perdura.common.api;

import tools.jackson.databind.JsonNode;

/** A worker reports an activity's result. */
public record CompleteActivityTaskRequest(String taskToken, JsonNode result, String identity) {}
