package io.perdura.common.api;

/** Body of a worker's long poll for a task. */
public record PollRequest(String identity) {}
