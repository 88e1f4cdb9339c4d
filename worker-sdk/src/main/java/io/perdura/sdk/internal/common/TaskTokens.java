package io.perdura.sdk.internal.common;

import java.nio.charset.StandardCharsets;

/** Task tokens as the bytes Temporal's API hands out: the token text's ASCII bytes. */
public final class TaskTokens {

    private TaskTokens() {}

    public static byte[] toBytes(String taskToken) {
        return taskToken.getBytes(StandardCharsets.US_ASCII);
    }

    public static String fromBytes(byte[] taskToken) {
        if (taskToken == null || taskToken.length == 0) {
            throw new IllegalArgumentException("taskToken is required");
        }
        return new String(taskToken, StandardCharsets.US_ASCII);
    }
}
