package io.perdura.history.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class KeyOrderedExecutorTests {

    @Test
    void requestsOfOneKeyRunInOrderWhileOtherKeysRunMeanwhile() throws Exception {
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var executor = new KeyOrderedExecutor(threads);
            List<String> seen = new CopyOnWriteArrayList<>();
            var release = new CountDownLatch(1);

            CompletableFuture<String> first = executor.submit("a", () -> {
                awaitLatch(release);
                seen.add("a1");
                return CompletableFuture.completedFuture("a1");
            });
            CompletableFuture<String> second = executor.submit("a", () -> {
                seen.add("a2");
                return CompletableFuture.completedFuture("a2");
            });
            CompletableFuture<String> other = executor.submit("b", () -> {
                seen.add("b1");
                return CompletableFuture.completedFuture("b1");
            });

            assertThat(other.get(5, TimeUnit.SECONDS)).isEqualTo("b1");
            assertThat(second).isNotDone();
            release.countDown();
            assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("a2");
            assertThat(first).isCompletedWithValue("a1");
            assertThat(seen).containsExactly("b1", "a1", "a2");
            await().atMost(Duration.ofSeconds(5)).until(() -> executor.activeKeys() == 0);
        }
    }

    @Test
    void aLaterCompletingResultDoesNotHoldUpTheNextRequestAndErrorsArePassedOn() throws Exception {
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var executor = new KeyOrderedExecutor(threads);
            var longPoll = new CompletableFuture<String>();
            CompletableFuture<String> polling = executor.submit("a", () -> longPoll);
            CompletableFuture<String> failing = executor.submit("a", () -> {
                throw new IllegalStateException("boom");
            });
            CompletableFuture<String> next = executor.submit("a", () -> CompletableFuture.completedFuture("next"));

            assertThat(next.get(5, TimeUnit.SECONDS)).isEqualTo("next");
            assertThat(failing).failsWithin(Duration.ofSeconds(5));
            assertThat(polling).isNotDone();
            longPoll.complete("done");
            assertThat(polling.get(5, TimeUnit.SECONDS)).isEqualTo("done");
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
