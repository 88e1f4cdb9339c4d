package io.perdura.sdk.internal.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.perdura.common.json.Json;
import io.perdura.common.model.Failure;
import io.perdura.common.model.RetryPolicy;
import io.perdura.common.model.RetryState;
import io.perdura.common.model.TimeoutType;
import io.perdura.sdk.activity.Activity;
import io.perdura.sdk.activity.ActivityInfo;
import io.perdura.sdk.activity.ActivityInterface;
import io.perdura.sdk.failure.ApplicationFailure;
import io.perdura.sdk.internal.replay.LocalActivityOutcome;
import io.perdura.sdk.internal.replay.LocalActivityRequest;
import io.perdura.sdk.workflow.WorkflowInfo;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalActivityExecutorTests {

    private static final WorkflowInfo WORKFLOW = new WorkflowInfo(
            "default", "wf-1", "run-1", "Order", "orders", 1, null, "run-1", null, null, null, null, null, 0);

    @ActivityInterface
    public interface Tools {
        /** Fails attempts up to {@code failures}. */
        String flaky(int failures);

        String sleep(long millis);

        String info();
    }

    public static class ToolsImpl implements Tools {
        final List<Integer> attempts = new CopyOnWriteArrayList<>();
        final AtomicBoolean interrupted = new AtomicBoolean();
        final CountDownLatch sleeping = new CountDownLatch(1);

        @Override
        public String flaky(int failures) {
            int attempt = Activity.getExecutionContext().getInfo().getAttempt();
            attempts.add(attempt);
            if (attempt <= failures) {
                throw ApplicationFailure.newFailure("not yet (" + attempt + ")", "NotYet");
            }
            return "done on " + attempt;
        }

        @Override
        public String sleep(long millis) {
            sleeping.countDown();
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                interrupted.set(true);
                throw new IllegalStateException("interrupted");
            }
            return "slept";
        }

        @Override
        public String info() {
            ActivityInfo info = Activity.getExecutionContext().getInfo();
            return "local=" + info.isLocal() + " " + info.getActivityId() + " " + info.getActivityType() + " "
                    + info.getWorkflowId() + "/" + info.getWorkflowRunId() + " " + info.getWorkflowType() + " "
                    + info.getActivityTaskQueue() + " attempt " + info.getAttempt() + " within "
                    + info.getScheduleToCloseTimeout() + "/" + info.getStartToCloseTimeout();
        }
    }

    private final ToolsImpl tools = new ToolsImpl();
    private final LocalActivityExecutor executor = executor(tools);

    private static LocalActivityExecutor executor(Object impl) {
        ActivityRegistry registry = new ActivityRegistry();
        registry.register(impl);
        return new LocalActivityExecutor(registry, "orders");
    }

    @AfterEach
    void shutDown() {
        executor.shutdownNow();
    }

    private static LocalActivityRequest request(
            String type,
            Object argument,
            Duration startToClose,
            Duration scheduleToClose,
            RetryPolicy policy,
            Duration threshold,
            long deadlineNanos) {
        return new LocalActivityRequest(
                WORKFLOW,
                "7",
                type,
                Json.array(argument),
                1,
                System.currentTimeMillis(),
                startToClose,
                scheduleToClose,
                policy,
                threshold,
                () -> deadlineNanos);
    }

    private static RetryPolicy retryEvery(Duration interval, int maximumAttempts) {
        return new RetryPolicy(interval, 1.0, null, maximumAttempts, null);
    }

    private LocalActivityOutcome run(LocalActivityRequest request) throws Exception {
        CompletableFuture<LocalActivityOutcome> outcome = new CompletableFuture<>();
        executor.start(request, outcome::complete);
        return outcome.get(10, TimeUnit.SECONDS);
    }

    private static long inAMinute() {
        return System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    }

    @Test
    void failedAttemptsAreRetriedHereWhileTheBackoffIsShort() throws Exception {
        LocalActivityOutcome outcome = run(request(
                "Flaky",
                2,
                Duration.ofSeconds(5),
                null,
                retryEvery(Duration.ofMillis(10), 5),
                Duration.ofSeconds(1),
                inAMinute()));

        assertThat(outcome).isEqualTo(LocalActivityOutcome.completed(Json.tree("done on 3"), 3));
        assertThat(tools.attempts).containsExactly(1, 2, 3);
    }

    @Test
    void aBackoffOverTheThresholdEndsTheExecutionWithTheBackoff() throws Exception {
        LocalActivityOutcome outcome = run(request(
                "Flaky",
                2,
                Duration.ofSeconds(5),
                null,
                retryEvery(Duration.ofSeconds(2), 5),
                Duration.ofSeconds(1),
                inAMinute()));

        assertThat(outcome.retryState()).isEqualTo(RetryState.IN_PROGRESS);
        assertThat(outcome.backoff()).isEqualTo(Duration.ofSeconds(2));
        assertThat(outcome.attempt()).isEqualTo(1);
        assertThat(outcome.failure().type()).isEqualTo("NotYet");
        assertThat(tools.attempts).containsExactly(1);
    }

    @Test
    void aBackoffEndingAfterTheTasksDeadlineEndsTheExecutionWithTheBackoff() throws Exception {
        LocalActivityOutcome outcome = run(request(
                "Flaky",
                2,
                Duration.ofSeconds(5),
                null,
                retryEvery(Duration.ofMillis(500), 5),
                Duration.ofSeconds(10),
                System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100)));

        assertThat(outcome.retryState()).isEqualTo(RetryState.IN_PROGRESS);
        assertThat(outcome.backoff()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void theLastAllowedAttemptsFailureIsFinal() throws Exception {
        LocalActivityOutcome outcome = run(request(
                "Flaky",
                5,
                Duration.ofSeconds(5),
                null,
                retryEvery(Duration.ofMillis(1), 2),
                Duration.ofSeconds(1),
                inAMinute()));

        assertThat(outcome.retryState()).isEqualTo(RetryState.MAXIMUM_ATTEMPTS_REACHED);
        assertThat(outcome.attempt()).isEqualTo(2);
        assertThat(outcome.backoff()).isNull();
    }

    @Test
    void aBackoffPastTheScheduleToCloseDeadlineIsFinal() {
        LocalActivityRequest request = request(
                "Flaky",
                1,
                Duration.ofSeconds(5),
                Duration.ofSeconds(3),
                retryEvery(Duration.ofSeconds(5), 0),
                Duration.ofMinutes(1),
                inAMinute());

        LocalActivityExecutor.Decision decision = LocalActivityExecutor.decide(
                request,
                1,
                "NotYet",
                false,
                request.originalScheduledTimeMillis(),
                request.originalScheduledTimeMillis() + 3_000,
                System.nanoTime());

        assertThat(decision.retryState()).isEqualTo(RetryState.TIMEOUT);
    }

    @Test
    void nonRetryableFailuresAndTypesAreFinal() {
        LocalActivityRequest request = request(
                "Flaky",
                1,
                Duration.ofSeconds(5),
                null,
                new RetryPolicy(null, null, null, null, List.of("Fatal")),
                Duration.ofSeconds(1),
                inAMinute());
        long now = System.currentTimeMillis();

        assertThat(LocalActivityExecutor.decide(request, 1, "Any", true, now, Long.MAX_VALUE, System.nanoTime())
                        .retryState())
                .isEqualTo(RetryState.NON_RETRYABLE_FAILURE);
        assertThat(LocalActivityExecutor.decide(request, 1, "Fatal", false, now, Long.MAX_VALUE, System.nanoTime())
                        .retryState())
                .isEqualTo(RetryState.NON_RETRYABLE_FAILURE);
        assertThat(LocalActivityExecutor.decide(request, 1, "Other", false, now, Long.MAX_VALUE, System.nanoTime()))
                .isEqualTo(new LocalActivityExecutor.Decision(RetryState.IN_PROGRESS, Duration.ofSeconds(1), true));
    }

    @Test
    void anAttemptPastItsStartToCloseTimeoutIsInterruptedAndTimesOut() throws Exception {
        LocalActivityOutcome outcome = run(request(
                "Sleep",
                5_000L,
                Duration.ofMillis(500),
                null,
                retryEvery(Duration.ofMillis(1), 1),
                Duration.ofSeconds(1),
                inAMinute()));

        assertThat(outcome.failure()).isEqualTo(Failure.timeout(TimeoutType.START_TO_CLOSE));
        assertThat(outcome.retryState()).isEqualTo(RetryState.MAXIMUM_ATTEMPTS_REACHED);
        await().atMost(Duration.ofSeconds(5)).untilTrue(tools.interrupted);
    }

    @Test
    void theScheduleToCloseTimeoutBoundsTheAttempts() throws Exception {
        LocalActivityOutcome outcome = run(request(
                "Sleep",
                5_000L,
                Duration.ofSeconds(2),
                Duration.ofMillis(150),
                retryEvery(Duration.ofMillis(1), 0),
                Duration.ofSeconds(1),
                inAMinute()));

        assertThat(outcome.failure().timeoutType()).isEqualTo(TimeoutType.SCHEDULE_TO_CLOSE);
        assertThat(outcome.retryState()).isEqualTo(RetryState.TIMEOUT);
    }

    @Test
    void cancelingInterruptsTheAttemptAndReportsNothing() throws Exception {
        List<LocalActivityOutcome> outcomes = new CopyOnWriteArrayList<>();
        Runnable cancel = executor.start(
                request(
                        "Sleep",
                        5_000L,
                        Duration.ofSeconds(10),
                        null,
                        retryEvery(Duration.ofMillis(1), 0),
                        Duration.ofSeconds(1),
                        inAMinute()),
                outcomes::add);
        assertThat(tools.sleeping.await(5, TimeUnit.SECONDS)).isTrue();

        cancel.run();

        await().atMost(Duration.ofSeconds(5)).untilTrue(tools.interrupted);
        assertThat(outcomes).isEmpty();
    }

    @Test
    void theActivitySeesALocalActivityInfo() throws Exception {
        LocalActivityOutcome outcome = run(request(
                "Info",
                null,
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                RetryPolicy.DEFAULT,
                Duration.ofSeconds(1),
                inAMinute()));

        assertThat(outcome.result().asString())
                .isEqualTo("local=true 7 Info wf-1/run-1 Order orders attempt 1 within PT30S/PT5S");
    }

    @Test
    void anActivityTypeTheWorkerDoesNotHaveIsRefused() {
        assertThatThrownBy(() -> executor.start(
                        request(
                                "Nope",
                                null,
                                Duration.ofSeconds(1),
                                null,
                                RetryPolicy.DEFAULT,
                                Duration.ofSeconds(1),
                                inAMinute()),
                        outcome -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "local activity type 'Nope' is not registered with the worker of task queue orders");
    }
}
