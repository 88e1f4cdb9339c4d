package io.perdura.common.api;

import io.perdura.common.model.Failure;
import tools.jackson.databind.JsonNode;

/**
 * A worker reports that an activity attempt failed; the server decides on a retry. {@code
 * lastHeartbeatDetails}, when present, are the attempt's latest heartbeat details (which the worker
 * may not have sent yet): the next attempt receives them.
 */
public record FailActivityTaskRequest(
        String taskToken, Failure failure, String identity, JsonNode lastHeartbeatDetails) {

    public FailActivityTaskRequest(String taskToken, Failure failure, String identity) {
        this(taskToken, failure, identity, null);
    }
}
