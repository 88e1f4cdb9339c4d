package io.perdura.common.api;

/** Body of {@code POST …/task-queues/{taskQueue}/polls/cancel}: the identity the worker polled with. */
public record CancelPollsRequest(String identity) {}
