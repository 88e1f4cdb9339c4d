package io.perdura.common.api;

import tools.jackson.databind.JsonNode;

/** A worker reports that an activity stopped because its workflow asked it to cancel. */
public record CancelActivityTaskRequest(String taskToken, JsonNode details, String identity) {}
