package io.perdura.common.api;

import tools.jackson.databind.JsonNode;

/** The value a query handler returned. */
public record QueryResponse(JsonNode result) {}
