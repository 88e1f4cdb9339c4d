package io.perdura.common.model;

/** Who asked for an update and under which id (repeating the id returns the first outcome). */
public record UpdateMeta(String updateId, String identity) {}
