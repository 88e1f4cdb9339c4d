package io.perdura.common.messaging;

import java.nio.charset.StandardCharsets;

/** Maps routing keys to partitions (and history shards) the same way in every adapter. */
public final class Partitioning {

    private Partitioning() {}

    /** A stable partition in {@code [0, partitions)} for {@code key} (FNV-1a hash). */
    public static int partitionOf(String key, int partitions) {
        int hash = 0x811c9dc5;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x01000193;
        }
        return Math.floorMod(hash, partitions);
    }
}
