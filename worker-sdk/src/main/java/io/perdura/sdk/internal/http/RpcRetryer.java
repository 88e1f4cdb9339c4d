package io.perdura.sdk.internal.http;

import io.micrometer.core.instrument.Tags;
import io.perdura.common.error.ErrorType;
import io.perdura.sdk.client.RpcRetryOptions;
import io.perdura.sdk.client.WorkflowServiceException;
import io.perdura.sdk.internal.metrics.SdkMetrics;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the frontend again after a retryable failure ({@link ErrorType#isRetryable()}: unavailable,
 * which includes a frontend that cannot be reached, timed out, rate limited), waiting with
 * exponential backoff and jitter between attempts, until the call succeeds, fails for good, its time
 * is up, or the retryer is stopped (its worker shuts down). Then the last failure is thrown. The
 * first attempt is always made; stopping only ends the waits between attempts, at once.
 */
public final class RpcRetryer {

    private static final Logger log = LoggerFactory.getLogger(RpcRetryer.class);
    private static final double JITTER = 0.2;

    private final RpcRetryOptions options;
    private final CompletableFuture<?> stopped;
    private final SdkMetrics metrics;
    private final String namespace;

    /** A retryer that is never stopped (the client's: its callers' threads can be interrupted). */
    public RpcRetryer(RpcRetryOptions options) {
        this(options, new CompletableFuture<>());
    }

    /** A retryer that waits no more once {@code stopped} completes. */
    public RpcRetryer(RpcRetryOptions options, CompletableFuture<?> stopped) {
        this(options, stopped, SdkMetrics.of(null), null);
    }

    /** A retryer of {@code http}'s calls, recording each attempt in its request metrics. */
    public RpcRetryer(PerduraHttp http, CompletableFuture<?> stopped) {
        this(http.rpcRetryOptions(), stopped, http.requestMetrics(), http.namespace());
    }

    private RpcRetryer(RpcRetryOptions options, CompletableFuture<?> stopped, SdkMetrics metrics, String namespace) {
        this.options = options;
        this.stopped = stopped;
        this.metrics = metrics;
        this.namespace = namespace;
    }

    /** One attempt of a call; {@code attempt} counts from 1. */
    @FunctionalInterface
    public interface Attempt<T> {
        T call(int attempt);
    }

    /** Retries retryable failures for up to the options' expiration. */
    public <T> T call(String what, Attempt<T> attempt) {
        return retry(what, options.getExpiration(), WorkflowServiceException::isRetryable, attempt);
    }

    /**
     * Retries retryable failures for up to {@code within} (the time left to answer a task), never
     * longer than the options' expiration; a null {@code within} means the expiration.
     */
    public <T> T call(String what, Duration within, Attempt<T> attempt) {
        Duration expiration = options.getExpiration();
        Duration limit = within == null || within.compareTo(expiration) > 0 ? expiration : within;
        return retry(what, limit, WorkflowServiceException::isRetryable, attempt);
    }

    /**
     * Retries retryable failures for up to {@code within}, however long the options' expiration: for
     * waits whose limit the caller chose. A null {@code within} retries until the retryer is stopped
     * or the thread interrupted.
     */
    public <T> T callUntil(String what, Duration within, Attempt<T> attempt) {
        return retry(what, within, WorkflowServiceException::isRetryable, attempt);
    }

    /**
     * Retries, for up to the options' expiration, only failures where the request never reached the
     * server: for calls that are not idempotent.
     */
    public <T> T callIfNotSent(String what, Attempt<T> attempt) {
        return retry(what, options.getExpiration(), RpcRetryer::notSent, attempt);
    }

    /** Whether the request of a failed call surely never reached the server (it could not connect). */
    public static boolean notSent(WorkflowServiceException e) {
        return e.getErrorType() == ErrorType.UNAVAILABLE
                && (e.getCause() instanceof ConnectException || e.getCause() instanceof HttpConnectTimeoutException);
    }

    private <T> T retry(String what, Duration within, Predicate<WorkflowServiceException> retryable, Attempt<T> call) {
        long start = System.nanoTime();
        long budget = within == null ? Long.MAX_VALUE : saturatedNanos(within);
        Duration backoff = options.getInitialInterval();
        Tags tags = metrics.isEnabled() ? Tags.of("namespace", namespace, "operation", what) : Tags.empty();
        for (int attempt = 1; ; attempt++) {
            long attemptStart = System.nanoTime();
            try {
                metrics.count(SdkMetrics.REQUEST, tags);
                return call.call(attempt);
            } catch (WorkflowServiceException e) {
                metrics.count(SdkMetrics.REQUEST_FAILURE, tags);
                if (!retryable.test(e)) {
                    throw e;
                }
                long delay = jittered(backoff);
                if (budget - (System.nanoTime() - start) <= delay) {
                    log.debug("{}: giving up after {} attempt(s): {}", what, attempt, e.getMessage());
                    throw e;
                }
                log.debug(
                        "{}: attempt {} failed ({}: {}); retrying in {} ms",
                        what,
                        attempt,
                        e.getErrorType(),
                        e.getMessage(),
                        TimeUnit.NANOSECONDS.toMillis(delay));
                if (!await(delay)) {
                    log.debug("{}: stopped; giving up after {} attempt(s)", what, attempt);
                    throw e;
                }
                Duration doubled = backoff.multipliedBy(2);
                backoff = doubled.compareTo(options.getMaximumInterval()) > 0 ? options.getMaximumInterval() : doubled;
            } finally {
                metrics.recordNanos(SdkMetrics.REQUEST_LATENCY, tags, attemptStart);
            }
        }
    }

    /** Waits {@code nanos}; false when the retryer was stopped or the thread interrupted meanwhile. */
    private boolean await(long nanos) {
        try {
            stopped.get(nanos, TimeUnit.NANOSECONDS);
            return false;
        } catch (TimeoutException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | CancellationException e) {
            return false;
        }
    }

    private static long jittered(Duration backoff) {
        double factor = 1 + JITTER * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        return (long) (saturatedNanos(backoff) * factor);
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException e) {
            return duration.isNegative() ? Long.MIN_VALUE / 2 : Long.MAX_VALUE;
        }
    }
}
