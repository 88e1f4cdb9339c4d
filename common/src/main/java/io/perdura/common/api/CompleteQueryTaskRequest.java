package io.perdura.common.api;

import io.perdura.common.model.Failure;
import tools.jackson.databind.JsonNode;

/** A worker's answer to a query task: the result, or the failure of the query handler. */
public record CompleteQueryTaskRequest(String taskToken, JsonNode result, Failure failure) {}
