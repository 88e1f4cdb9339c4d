package io.perdura.sdk.internal.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perdura.common.history.EventAttributes.WorkflowTaskFailedCause;
import io.perdura.sdk.common.converter.DataConverter;
import io.perdura.sdk.workflow.AllowNonDeterministic;
import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The sandbox's runtime guard fails a coroutine blocked outside the SDK, naming the call; without it there is none. */
class RuntimeGuardTests {

    private static final Duration GUARD = Duration.ofMillis(100);

    @WorkflowInterface
    public interface Sleeper {
        @WorkflowMethod(name = "Sleeper")
        String run();
    }

    /** Sleeps for real; the static check is told to let it through, so only the guard can catch it. */
    public static class SleepsForReal implements Sleeper {
        @Override
        @AllowNonDeterministic("the runtime guard is under test")
        public String run() {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "woke";
        }
    }

    @Test
    void aRealSleepFailsWithTheCallNamedWellBeforeTheDeadlockTimeout() {
        DeterministicScheduler scheduler = new DeterministicScheduler("guarded", Duration.ofSeconds(10), GUARD);
        scheduler.spawn("main", RuntimeGuardTests::sleep);
        long start = System.nanoTime();

        assertThatThrownBy(() -> scheduler.runUntilBlocked(() -> false))
                .isInstanceOf(NonDeterministicCallException.class)
                .hasMessageStartingWith("NonDeterministicCall: workflow code blocked outside the SDK in"
                        + " java.lang.Thread.sleep called at " + RuntimeGuardTests.class.getName() + ".sleep(")
                .hasMessageContaining("Workflow.sleep");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        scheduler.destroy();
    }

    @Test
    void aFutureOfAnUncontrolledThreadIsCaught() {
        DeterministicScheduler scheduler = new DeterministicScheduler("guarded", Duration.ofSeconds(10), GUARD);
        CompletableFuture<String> never = new CompletableFuture<>();
        scheduler.spawn("main", () -> never.join());

        assertThatThrownBy(() -> scheduler.runUntilBlocked(() -> false))
                .isInstanceOf(NonDeterministicCallException.class)
                .hasMessageContaining(
                        "java.util.concurrent.CompletableFuture.join called at " + RuntimeGuardTests.class.getName());
        scheduler.destroy();
    }

    @Test
    void codeThatBlocksThroughTheSchedulerOrComputesIsLeftAlone() {
        DeterministicScheduler scheduler = new DeterministicScheduler("guarded", Duration.ofSeconds(10), GUARD);
        boolean[] go = {false};
        StringBuilder trace = new StringBuilder();
        scheduler.spawn("waiter", () -> {
            DeterministicScheduler.current().await(() -> go[0]);
            trace.append("resumed");
        });
        scheduler.spawn("busy", () -> {
            long until = System.nanoTime() + Duration.ofMillis(400).toNanos();
            long rounds = 0;
            while (System.nanoTime() < until) {
                rounds++;
            }
            trace.append("computed ").append(rounds > 0 ? "" : "nothing ");
            go[0] = true;
        });

        scheduler.runUntilBlocked(() -> false);

        assertThat(trace).hasToString("computed resumed");
        scheduler.destroy();
    }

    @Test
    void withoutTheGuardOnlyTheDeadlockTimeoutEndsIt() {
        DeterministicScheduler scheduler = new DeterministicScheduler("unguarded", Duration.ofMillis(300), null);
        scheduler.spawn("main", RuntimeGuardTests::sleep);

        assertThatThrownBy(() -> scheduler.runUntilBlocked(() -> false))
                .isInstanceOf(DeterministicScheduler.PotentialDeadlockException.class);
        scheduler.destroy();
    }

    @Test
    void theWorkflowTaskFailsWithNonDeterministicCallAndTheRunStaysOpen() {
        HistoryBuilder h = HistoryBuilder.started("Sleeper");
        h.startTask();
        WorkflowRun run = WorkflowRun.create(
                "default",
                WorkflowDefinition.forImplementation(SleepsForReal.class),
                "wf-1",
                "run-1",
                h.build(),
                Duration.ofSeconds(10),
                GUARD,
                null,
                DataConverter.getDefaultInstance());

        WorkflowTaskResult result = run.processWorkflowTask(h.build());

        assertThat(result).isInstanceOfSatisfying(WorkflowTaskResult.Failed.class, failed -> {
            assertThat(failed.cause()).isEqualTo(WorkflowTaskFailedCause.NON_DETERMINISTIC_CALL);
            assertThat(failed.failure().type()).isEqualTo("NonDeterministicCall");
            assertThat(failed.failure().message())
                    .contains("java.lang.Thread.sleep called at " + SleepsForReal.class.getName() + ".run(");
        });
        assertThat(run.isClosed()).isFalse();
        run.destroy();
    }

    private static void sleep() {
        try {
            Thread.sleep(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
