package io.perdura.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.perdura.sdk.client.WorkflowClient;
import io.perdura.sdk.client.WorkflowOptions;
import io.perdura.sdk.client.WorkflowStub;
import io.perdura.sdk.worker.Worker;
import io.perdura.testing.fixtures.EchoNotifier;
import io.perdura.testing.fixtures.Notifier;
import io.perdura.testing.fixtures.SleepyWorkflow;
import io.perdura.testing.fixtures.SleepyWorkflowImpl;
import io.perdura.testing.fixtures.SlowActivityWorkflow;
import io.perdura.testing.fixtures.SlowActivityWorkflowImpl;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TestWorkflowEnvironmentTests {

    private static final String QUEUE = "sleepy";
    private static final long DAY = Duration.ofDays(1).toSeconds();

    @Test
    void aWorkflowThatSleepsAMonthThenCallsAnActivityFinishesInSeconds() {
        long began = System.nanoTime();
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
            long started = System.nanoTime();
            Worker worker = env.newWorker(QUEUE);
            worker.registerWorkflowImplementationTypes(SleepyWorkflowImpl.class);
            worker.registerActivitiesImplementations(new EchoNotifier());
            env.start();
            long before = env.currentTimeMillis();

            String result = stub(env, SleepyWorkflow.class).sleepThenNotify(1, 30 * DAY);

            long wallMillis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf(
                    "month-long workflow: environment start %d ms, sleep-30-days workflow start to result %d ms%n",
                    (started - began) / 1_000_000, wallMillis);
            assertThat(result).startsWith("slept 1 after ");
            assertThat(Long.parseLong(result.substring("slept 1 after ".length())))
                    .isGreaterThanOrEqualTo(Duration.ofDays(30).toMillis());
            assertThat(env.currentTimeMillis() - before)
                    .isGreaterThanOrEqualTo(Duration.ofDays(30).toMillis());
            assertThat(wallMillis).isLessThan(5_000);
        }
    }

    @Test
    void aMockitoMockIsAnActivityImplementation() {
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
            Notifier notifier = mock(Notifier.class);
            when(notifier.notify(anyString())).thenReturn("mocked");
            Worker worker = env.newWorker(QUEUE);
            worker.registerWorkflowImplementationTypes(SleepyWorkflowImpl.class);
            worker.registerActivitiesImplementations(notifier);
            env.start();

            String result = stub(env, SleepyWorkflow.class).sleepThenNotify(2, DAY);

            assertThat(result).startsWith("mocked after ");
            verify(notifier).notify("slept 2");
        }
    }

    @Test
    void sleepFiresTheTimersOnTheWayInOrder() {
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
            Worker worker = env.newWorker(QUEUE);
            worker.registerWorkflowImplementationTypes(SleepyWorkflowImpl.class);
            worker.registerActivitiesImplementations(new EchoNotifier());
            env.start();
            SleepyWorkflow workflow = stub(env, SleepyWorkflow.class);
            WorkflowClient.start(workflow::sleepThenNotify, 3, 3600L);
            long before = env.currentTimeMillis();

            env.sleep(Duration.ofMinutes(150));

            assertThat(env.currentTimeMillis() - before)
                    .isGreaterThanOrEqualTo(Duration.ofMinutes(150).toMillis());
            assertThat(workflow.stepsDone()).isEqualTo(2);
            env.sleep(Duration.ofHours(1));
            assertThat(workflow.stepsDone()).isEqualTo(3);
        }
    }

    @Test
    void timeStandsStillWhileNobodyWaitsOnIt() throws InterruptedException {
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
            Worker worker = env.newWorker(QUEUE);
            worker.registerWorkflowImplementationTypes(SleepyWorkflowImpl.class);
            worker.registerActivitiesImplementations(new EchoNotifier());
            env.start();
            SleepyWorkflow workflow = stub(env, SleepyWorkflow.class);
            long before = env.currentTimeMillis();
            WorkflowClient.start(workflow::sleepThenNotify, -1, DAY);

            // a signal sent after the start still beats the day-long timeout: nobody waited on time
            Thread.sleep(300);
            workflow.wake("tester");

            assertThat(env.currentTimeMillis() - before)
                    .isLessThan(Duration.ofMinutes(1).toMillis());
            assertThat(WorkflowStub.fromTyped(workflow).getResult(String.class)).startsWith("woken by tester after ");
        }
    }

    @Test
    void aDelayedCallbackRunsWhenTheClockReachesIt() {
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
            Worker worker = env.newWorker(QUEUE);
            worker.registerWorkflowImplementationTypes(SleepyWorkflowImpl.class);
            worker.registerActivitiesImplementations(new EchoNotifier());
            env.start();
            SleepyWorkflow workflow = stub(env, SleepyWorkflow.class);
            env.registerDelayedCallback(Duration.ofDays(2), () -> workflow.wake("callback"));

            String result = workflow.sleepThenNotify(-1, 7 * DAY);

            assertThat(result).startsWith("woken by callback after ");
            assertThat(Long.parseLong(result.substring("woken by callback after ".length())))
                    .isBetween(
                            Duration.ofDays(2).toMillis() - 60_000,
                            Duration.ofDays(2).toMillis() + 60_000);
        }
    }

    @Test
    void aRunningActivitysTimeoutIsNotSkippedOver() {
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
            Worker worker = env.newWorker(QUEUE);
            worker.registerWorkflowImplementationTypes(SlowActivityWorkflowImpl.class);
            worker.registerActivitiesImplementations((Notifier) message -> {
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return message + " slowly";
            });
            env.start();

            assertThat(stub(env, SlowActivityWorkflow.class).callSlowly("done")).isEqualTo("done slowly");
        }
    }

    @Test
    void withoutSkippingTimeIsReal() {
        Instant initial = Instant.parse("2030-01-01T00:00:00Z");
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setUseTimeskipping(false)
                .setInitialTime(initial)
                .build())) {
            Worker worker = env.newWorker(QUEUE);
            worker.registerWorkflowImplementationTypes(SleepyWorkflowImpl.class);
            worker.registerActivitiesImplementations(new EchoNotifier());
            env.start();
            assertThat(env.currentTime()).isBetween(initial, initial.plusSeconds(60));
            long started = System.nanoTime();

            String result = stub(env, SleepyWorkflow.class).sleepThenNotify(1, 2);

            assertThat(result).startsWith("slept 1 after ");
            assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(2_000);
        }
    }

    static <T> T stub(TestWorkflowEnvironment env, Class<T> type) {
        return env.getWorkflowClient()
                .newWorkflowStub(
                        type,
                        WorkflowOptions.newBuilder()
                                .setTaskQueue(QUEUE)
                                .setWorkflowId("test-" + UUID.randomUUID())
                                .build());
    }
}
