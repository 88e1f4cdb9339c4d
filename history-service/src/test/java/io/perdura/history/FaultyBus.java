package io.perdura.history;

import io.perdura.common.error.ErrorType;
import io.perdura.common.error.PerduraException;
import io.perdura.common.messaging.MessageBus;
import io.perdura.common.messaging.MessageHandler;
import io.perdura.common.messaging.PartitionListener;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A history server's bus in tests of work across workflows: requests of a type can be withheld (they
 * fail UNAVAILABLE without being delivered, as during a broker outage) or have their answers lost
 * after they were handled (as when the sender dies before the answer comes). Counts what it
 * delivered.
 */
final class FaultyBus implements MessageBus {

    private final MessageBus delegate;
    private final Set<Class<?>> withheld = ConcurrentHashMap.newKeySet();
    private final Map<Class<?>, AtomicInteger> repliesToLose = new ConcurrentHashMap<>();
    private final Map<Class<?>, AtomicInteger> delivered = new ConcurrentHashMap<>();

    FaultyBus(MessageBus delegate) {
        this.delegate = delegate;
    }

    @Override
    public CompletableFuture<Object> request(String topic, String key, Object message, Duration timeout) {
        Class<?> type = message.getClass();
        if (withheld.contains(type)) {
            return CompletableFuture.failedFuture(
                    new PerduraException(ErrorType.UNAVAILABLE, type.getSimpleName() + " withheld by the test"));
        }
        delivered.computeIfAbsent(type, t -> new AtomicInteger()).incrementAndGet();
        CompletableFuture<Object> reply = delegate.request(topic, key, message, timeout);
        AtomicInteger lose = repliesToLose.get(type);
        if (lose != null && lose.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return reply.handle((value, error) -> {
                throw new PerduraException(
                        ErrorType.UNAVAILABLE, "the answer to " + type.getSimpleName() + " was lost");
            });
        }
        return reply;
    }

    /** Requests of {@code type} fail without being delivered until {@link #release}. */
    void withhold(Class<?> type) {
        withheld.add(type);
    }

    void release(Class<?> type) {
        withheld.remove(type);
    }

    /** The next {@code count} requests of {@code type} are handled, but their senders never hear the answer. */
    void loseNextReplies(Class<?> type, int count) {
        repliesToLose.computeIfAbsent(type, t -> new AtomicInteger()).set(count);
    }

    /** How many requests of {@code type} were delivered. */
    int delivered(Class<?> type) {
        AtomicInteger count = delivered.get(type);
        return count == null ? 0 : count.get();
    }

    @Override
    public Subscription subscribe(String topic, MessageHandler handler, PartitionListener listener) {
        return delegate.subscribe(topic, handler, listener);
    }

    @Override
    public int partitions(String topic) {
        return delegate.partitions(topic);
    }
}
