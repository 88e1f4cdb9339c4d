package io.perdura.common.api;

/** Whether the activity has been asked to stop. */
public record HeartbeatResponse(boolean cancelRequested) {}
