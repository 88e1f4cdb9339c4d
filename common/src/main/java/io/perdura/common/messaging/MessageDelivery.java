package io.perdura.common.messaging;

import io.perdura.common.error.ErrorType;
import io.perdura.common.error.PerduraException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How every bus adapter hands a message to its {@link MessageHandler} and reads the outcome. */
public final class MessageDelivery {

    private static final Logger log = LoggerFactory.getLogger(MessageDelivery.class);

    private MessageDelivery() {}

    /**
     * Runs {@code handling} (a {@link MessageHandler#handle} call) and never throws: the returned
     * stage completes with the handler's reply, or fails with its {@link PerduraException} — also
     * when {@code handling} throws, an {@code INTERNAL} error of the handler of {@code topic} being
     * logged.
     */
    public static CompletionStage<Object> deliver(String topic, Supplier<? extends CompletionStage<?>> handling) {
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        try {
            handling.get().whenComplete((value, error) -> {
                if (error != null) {
                    outcome.completeExceptionally(PerduraException.unwrap(error));
                } else {
                    outcome.complete(value);
                }
            });
        } catch (RuntimeException e) {
            PerduraException error = PerduraException.unwrap(e);
            if (error.errorType() == ErrorType.INTERNAL) {
                log.error("handler of {} failed", topic, e);
            }
            outcome.completeExceptionally(error);
        }
        return outcome;
    }
}
