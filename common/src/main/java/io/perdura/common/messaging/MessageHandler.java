package io.perdura.common.messaging;

import java.util.concurrent.CompletionStage;

/**
 * Handles the messages of one topic. The synchronous part of {@link #handle} runs in key order;
 * the returned stage may complete later (long polls) without holding up the next message.
 */
@FunctionalInterface
public interface MessageHandler {

    CompletionStage<?> handle(String key, Object message);
}
