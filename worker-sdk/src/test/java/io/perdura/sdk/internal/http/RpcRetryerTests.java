package io.perdura.sdk.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.perdura.common.error.ErrorType;
import io.perdura.sdk.client.RpcRetryOptions;
import io.perdura.sdk.client.WorkflowClientOptions;
import io.perdura.sdk.client.WorkflowServiceException;
import io.perdura.sdk.fake.FakeFrontend;
import io.perdura.sdk.fake.FakeFrontend.Answer;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RpcRetryerTests {

    private static final RpcRetryOptions FAST = RpcRetryOptions.builder()
            .setInitialInterval(Duration.ofMillis(10))
            .setMaximumInterval(Duration.ofMillis(40))
            .setExpiration(Duration.ofSeconds(10))
            .build();
    private static final RpcRetryOptions SLOW = RpcRetryOptions.builder()
            .setInitialInterval(Duration.ofSeconds(30))
            .setMaximumInterval(Duration.ofSeconds(30))
            .build();

    private static WorkflowServiceException failure(ErrorType type) {
        return new WorkflowServiceException(type, type.title());
    }

    @Test
    void retryableFailuresAreRetriedUntilTheCallSucceeds() {
        AtomicInteger attempts = new AtomicInteger();
        RpcRetryer retryer = new RpcRetryer(FAST);

        String answer = retryer.call("test", attempt -> {
            attempts.incrementAndGet();
            return switch (attempt) {
                case 1 -> throw failure(ErrorType.UNAVAILABLE);
                case 2 -> throw failure(ErrorType.TIMEOUT);
                case 3 -> throw failure(ErrorType.RATE_LIMITED);
                default -> "ok after " + attempt;
            };
        });

        assertThat(answer).isEqualTo("ok after 4");
        assertThat(attempts).hasValue(4);
    }

    @Test
    void otherFailuresAreThrownAfterOneAttempt() {
        for (ErrorType type : new ErrorType[] {
            ErrorType.TASK_NOT_FOUND, ErrorType.NON_DETERMINISM, ErrorType.INVALID_ARGUMENT, ErrorType.INTERNAL
        }) {
            AtomicInteger attempts = new AtomicInteger();

            assertThatThrownBy(() -> new RpcRetryer(FAST).call("test", attempt -> {
                        attempts.incrementAndGet();
                        throw failure(type);
                    }))
                    .isInstanceOfSatisfying(
                            WorkflowServiceException.class,
                            e -> assertThat(e.getErrorType()).isEqualTo(type));
            assertThat(attempts).as(type.name()).hasValue(1);
        }
    }

    @Test
    void givesUpWithTheLastFailureWhenItsTimeIsUp() {
        AtomicInteger attempts = new AtomicInteger();
        long start = System.nanoTime();

        assertThatThrownBy(() -> new RpcRetryer(FAST).call("test", Duration.ofMillis(300), attempt -> {
                    attempts.incrementAndGet();
                    throw failure(ErrorType.UNAVAILABLE);
                }))
                .isInstanceOfSatisfying(
                        WorkflowServiceException.class,
                        e -> assertThat(e.getErrorType()).isEqualTo(ErrorType.UNAVAILABLE));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(attempts.get()).isBetween(3, 31);
    }

    @Test
    void aTimeLeftLongerThanTheExpirationIsCappedByIt() {
        RpcRetryOptions brief = RpcRetryOptions.builder()
                .setInitialInterval(Duration.ofMillis(10))
                .setMaximumInterval(Duration.ofMillis(10))
                .setExpiration(Duration.ofMillis(200))
                .build();
        long start = System.nanoTime();

        assertThatThrownBy(() -> new RpcRetryer(brief).call("test", Duration.ofMinutes(5), attempt -> {
                    throw failure(ErrorType.UNAVAILABLE);
                }))
                .isInstanceOf(WorkflowServiceException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void callUntilIgnoresTheExpiration() {
        RpcRetryOptions none = RpcRetryOptions.builder()
                .setInitialInterval(Duration.ofMillis(10))
                .setMaximumInterval(Duration.ofMillis(10))
                .setExpiration(Duration.ZERO)
                .build();
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> new RpcRetryer(none).call("test", attempt -> {
                    attempts.incrementAndGet();
                    throw failure(ErrorType.UNAVAILABLE);
                }))
                .isInstanceOf(WorkflowServiceException.class);
        assertThat(attempts).hasValue(1);

        String answer = new RpcRetryer(none).callUntil("test", Duration.ofSeconds(10), attempt -> {
            if (attempt < 3) {
                throw failure(ErrorType.UNAVAILABLE);
            }
            return "third";
        });
        assertThat(answer).isEqualTo("third");
    }

    @Test
    void stoppingEndsTheWaitAtOnceAndNoFurtherAttemptIsMade() {
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        RpcRetryer retryer = new RpcRetryer(SLOW, stopped);
        AtomicInteger attempts = new AtomicInteger();
        AtomicLong gaveUpAt = new AtomicLong();
        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                retryer.call("test", attempt -> {
                    attempts.incrementAndGet();
                    throw failure(ErrorType.UNAVAILABLE);
                });
                return null;
            } catch (WorkflowServiceException e) {
                gaveUpAt.set(System.nanoTime());
                return e;
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> attempts.get() == 1);

        long stopAt = System.nanoTime();
        stopped.complete(null);

        assertThat(outcome.join()).isInstanceOf(WorkflowServiceException.class);
        assertThat(Duration.ofNanos(gaveUpAt.get() - stopAt)).isLessThan(Duration.ofSeconds(2));
        assertThat(attempts).hasValue(1);
    }

    @Test
    void aStoppedRetryerMakesTheFirstAttemptOnly() {
        RpcRetryer retryer = new RpcRetryer(SLOW, CompletableFuture.completedFuture(null));
        AtomicInteger attempts = new AtomicInteger();

        String sent = retryer.call("test", attempt -> "sent");
        assertThatThrownBy(() -> retryer.call("test", attempt -> {
                    attempts.incrementAndGet();
                    throw failure(ErrorType.UNAVAILABLE);
                }))
                .isInstanceOf(WorkflowServiceException.class);

        assertThat(sent).isEqualTo("sent");
        assertThat(attempts).hasValue(1);
    }

    @Test
    void anInterruptEndsTheWaitAndStaysSet() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        CompletableFuture<Boolean> interruptedAfterwards = new CompletableFuture<>();
        Thread caller = Thread.ofVirtual().start(() -> {
            try {
                new RpcRetryer(SLOW).call("test", attempt -> {
                    attempts.incrementAndGet();
                    throw failure(ErrorType.UNAVAILABLE);
                });
            } catch (WorkflowServiceException e) {
                interruptedAfterwards.complete(Thread.currentThread().isInterrupted());
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> attempts.get() == 1);

        caller.interrupt();

        assertThat(caller.join(Duration.ofSeconds(2))).isTrue();
        assertThat(interruptedAfterwards.join()).isTrue();
        assertThat(attempts).hasValue(1);
    }

    @Test
    void aFrontendThatCannotBeReachedIsRetriedAndCountsAsNotSent() throws Exception {
        FakeFrontend frontend = new FakeFrontend();
        String target = frontend.target();
        frontend.close();
        PerduraHttp http = new PerduraHttp(
                WorkflowClientOptions.builder().setTarget(target).build());
        AtomicInteger attempts = new AtomicInteger();

        String answer = new RpcRetryer(FAST).callIfNotSent("test", attempt -> {
            attempts.incrementAndGet();
            return attempt < 3
                    ? http.get("/api/v1/namespaces", Duration.ofSeconds(5)).toString()
                    : "reached";
        });

        assertThat(answer).isEqualTo("reached");
        assertThat(attempts).hasValue(3);

        assertThatThrownBy(() -> http.get("/api/v1/namespaces", Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(WorkflowServiceException.class, e -> {
                    assertThat(e.getErrorType()).isEqualTo(ErrorType.UNAVAILABLE);
                    assertThat(e.getCause()).isInstanceOf(ConnectException.class);
                    assertThat(RpcRetryer.notSent(e)).isTrue();
                });
    }

    @Test
    void callIfNotSentDoesNotRetryAnAnswerOfTheServer() throws Exception {
        try (FakeFrontend frontend = new FakeFrontend()) {
            frontend.route("POST", "/x", r -> Answer.problem(503, "unavailable", "shards moving"));
            PerduraHttp http = new PerduraHttp(
                    WorkflowClientOptions.builder().setTarget(frontend.target()).build());

            assertThatThrownBy(() -> new RpcRetryer(FAST)
                            .callIfNotSent("test", attempt -> http.post("/x", null, Duration.ofSeconds(5))))
                    .isInstanceOfSatisfying(WorkflowServiceException.class, e -> {
                        assertThat(e.getErrorType()).isEqualTo(ErrorType.UNAVAILABLE);
                        assertThat(RpcRetryer.notSent(e)).isFalse();
                    });
            assertThat(frontend.requests("/x")).hasSize(1);
        }
    }
}
