package io.perdura.common.model;

import tools.jackson.databind.JsonNode;

/** The update's handler name and its arguments (a JSON array). */
public record UpdateInput(String name, JsonNode args) {}
