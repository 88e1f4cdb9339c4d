/** Shards: which slice of workflow ids this process owns, with the range id that fences its writes. */
package io.perdura.history.shard;
