/**
 * Shards: which slice of workflow ids this process owns, with the range id that fences its writes,
 * and how ownership follows the partitions the message bus assigns ({@link
 * io.perdura.history.shard.ShardAssignment}).
 */
package io.perdura.history.shard;
