package io.perdura.common.api;

import io.perdura.common.model.Failure;

/** A worker reports that an activity attempt failed; the server decides on a retry. */
public record FailActivityTaskRequest(String taskToken, Failure failure, String identity) {}
