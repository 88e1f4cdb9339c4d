package io.perdura.common.api;

import tools.jackson.databind.JsonNode;

/** Body of {@code POST …/workflows/{workflowId}/query/{queryType}}; input is a JSON array. */
public record QueryRequest(JsonNode input) {}
