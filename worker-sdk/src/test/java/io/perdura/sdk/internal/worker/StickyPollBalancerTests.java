package io.perdura.sdk.internal.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class StickyPollBalancerTests {

    private final List<CompletableFuture<String>> normal = new ArrayList<>();
    private final List<CompletableFuture<String>> sticky = new ArrayList<>();
    private final StickyPollBalancer<String> balancer = new StickyPollBalancer<>(() -> add(normal), () -> add(sticky));

    @Test
    void aSinglePollerPollsBothQueuesInTurn() {
        for (int i = 0; i < 4; i++) {
            balancer.get().complete(null);
        }
        assertThat(normal).hasSize(2);
        assertThat(sticky).hasSize(2);
    }

    @Test
    void eachPollGoesToTheQueueWithFewerPollsInFlight() {
        balancer.get();
        balancer.get();
        balancer.get();
        balancer.get();
        assertThat(normal).hasSize(2);
        assertThat(sticky).hasSize(2);

        sticky.getFirst().complete("task");
        balancer.get();
        assertThat(sticky).hasSize(3);
        assertThat(normal).hasSize(2);
    }

    private static CompletableFuture<String> add(List<CompletableFuture<String>> polls) {
        CompletableFuture<String> poll = new CompletableFuture<>();
        polls.add(poll);
        return poll;
    }
}
