package io.perdura.sdk.internal.worker;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Shares a worker's workflow pollers between its task queue and its own sticky queue (ADR 28), as
 * Temporal's StickyQueueBalancer does: each poll goes to the queue with fewer polls in flight, each
 * in turn on a tie, so that with two pollers or more both queues are always polled and the
 * worker's slots and poller count stay what its options say.
 */
public final class StickyPollBalancer<T> implements Supplier<CompletableFuture<T>> {

    private final Supplier<CompletableFuture<T>> normal;
    private final Supplier<CompletableFuture<T>> sticky;
    private final AtomicInteger normalPolls = new AtomicInteger();
    private final AtomicInteger stickyPolls = new AtomicInteger();
    /** Breaks ties in turn, so that a single poller polls both queues. */
    private final AtomicInteger turns = new AtomicInteger();

    public StickyPollBalancer(Supplier<CompletableFuture<T>> normal, Supplier<CompletableFuture<T>> sticky) {
        this.normal = normal;
        this.sticky = sticky;
    }

    @Override
    public CompletableFuture<T> get() {
        int sticking = stickyPolls.get();
        int normals = normalPolls.get();
        boolean toSticky = sticking == normals ? (turns.getAndIncrement() & 1) == 0 : sticking < normals;
        AtomicInteger inFlight = toSticky ? stickyPolls : normalPolls;
        inFlight.incrementAndGet();
        CompletableFuture<T> poll;
        try {
            poll = toSticky ? sticky.get() : normal.get();
        } catch (RuntimeException e) {
            inFlight.decrementAndGet();
            throw e;
        }
        poll.whenComplete((task, error) -> inFlight.decrementAndGet());
        return poll;
    }
}
