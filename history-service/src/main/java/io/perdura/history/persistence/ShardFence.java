package io.perdura.history.persistence;

/** The shard a write belongs to and the range id its owner holds: a write commits only if it still matches. */
public record ShardFence(int shardId, long rangeId) {}
