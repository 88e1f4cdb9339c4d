package io.perdura.common.api;

import tools.jackson.databind.JsonNode;

/** An activity's heartbeat, with optional progress details. */
public record HeartbeatRequest(String taskToken, JsonNode details) {}
