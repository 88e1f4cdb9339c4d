package io.perdura.common.api;

import tools.jackson.databind.JsonNode;

/** A query the worker must answer from the workflow's state; input is a JSON array. */
public record WorkflowQuery(String queryType, JsonNode input) {}
