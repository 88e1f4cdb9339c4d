package io.perdura.frontend.backend;

import io.perdura.common.error.ErrorType;
import io.perdura.common.error.PerduraException;
import io.perdura.common.json.Durations;
import io.perdura.common.messaging.MessageBus;
import io.perdura.common.service.HistoryClient;
import io.perdura.common.service.HistoryService;
import io.perdura.common.service.MatchingClient;
import io.perdura.common.service.MatchingService;
import io.perdura.frontend.FrontendProperties;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/**
 * History and matching as the frontend sees them, reached only through the {@link MessageBus}, and
 * the bounded waits on their answers. Request threads are virtual, so waiting here is cheap; a bus
 * partition thread never waits here.
 */
@Component
public class Backends {

    private final HistoryService history;
    private final MatchingService matching;
    private final FrontendProperties properties;

    Backends(MessageBus bus, FrontendProperties properties) {
        this.history = new HistoryClient(bus);
        this.matching = new MatchingClient(bus);
        this.properties = properties;
    }

    public HistoryService history() {
        return history;
    }

    public MatchingService matching() {
        return matching;
    }

    public FrontendProperties properties() {
        return properties;
    }

    /** Waits for an ordinary answer, at most {@code perdura.frontend.request-timeout}. */
    public <T> T await(CompletableFuture<T> answer, String what) {
        return await(answer, properties.getRequestTimeout(), what);
    }

    /**
     * Waits for an answer that may legitimately take {@code expected} (a long poll, a result wait),
     * plus {@code perdura.frontend.timeout-margin}.
     */
    public <T> T awaitLong(CompletableFuture<T> answer, Duration expected, String what) {
        return await(answer, expected.plus(properties.getTimeoutMargin()), what);
    }

    private static <T> T await(CompletableFuture<T> answer, Duration timeout, String what) {
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(false);
            throw new PerduraException(ErrorType.TIMEOUT, what + " got no answer within " + Durations.format(timeout));
        } catch (ExecutionException e) {
            throw PerduraException.unwrap(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PerduraException(ErrorType.UNAVAILABLE, what + " was interrupted");
        }
    }
}
