package io.perdura.frontend.worker;

import io.perdura.common.api.PollRequest;
import io.perdura.frontend.backend.Backends;
import io.perdura.frontend.validation.Validate;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.ResponseEntity;

/**
 * The long poll workflow and activity task queues share: validates the queue and the poller's
 * identity, gives the poll a fresh id and the configured timeout, and answers 204 when it ends empty.
 */
final class LongPolls {

    private LongPolls() {}

    /** Sends one poll to matching: {@code (identity, pollRequestId, timeout) -> task or null}. */
    @FunctionalInterface
    interface Poll<T> {
        CompletableFuture<T> send(String identity, String pollRequestId, Duration timeout);
    }

    static <T> ResponseEntity<T> await(
            Backends backends, String namespace, String taskQueue, PollRequest body, Poll<T> poll, String what) {
        Validate.name("namespace", namespace);
        Validate.name("taskQueue", taskQueue);
        String identity = Validate.optionalName("identity", body == null ? null : body.identity());
        Duration timeout = backends.properties().getLongPollTimeout();
        T task = backends.awaitLong(poll.send(identity, UUID.randomUUID().toString(), timeout), timeout, what);
        return task == null ? ResponseEntity.noContent().build() : ResponseEntity.ok(task);
    }
}
