package io.perdura.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.sdk.client.WorkflowClient;
import io.perdura.sdk.client.WorkflowOptions;
import io.perdura.sdk.worker.Worker;
import io.perdura.testing.fixtures.EchoNotifier;
import io.perdura.testing.fixtures.SleepyWorkflow;
import io.perdura.testing.fixtures.SleepyWorkflowImpl;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** Runs its tests concurrently (junit-platform.properties enables parallel execution): each has its own server. */
@Execution(ExecutionMode.CONCURRENT)
class PerduraWorkflowExtensionTests {

    @RegisterExtension
    static final PerduraWorkflowExtension perdura = PerduraWorkflowExtension.newBuilder()
            .setWorkflowTypes(SleepyWorkflowImpl.class)
            .setActivityImplementations(new EchoNotifier())
            .build();

    @Test
    void injectsAStubOfTheRegisteredWorkflow(SleepyWorkflow workflow, TestWorkflowEnvironment env) {
        long before = env.currentTimeMillis();

        assertThat(workflow.sleepThenNotify(2, Duration.ofDays(7).toSeconds())).startsWith("slept 2 after ");

        assertThat(env.currentTimeMillis() - before)
                .isGreaterThanOrEqualTo(Duration.ofDays(14).toMillis());
    }

    @Test
    void injectsTheClientWorkerAndOptionsOfTheTestsOwnQueue(
            WorkflowClient client, Worker worker, WorkflowOptions options, TestWorkflowEnvironment env) {
        assertThat(options.getTaskQueue()).isEqualTo(worker.getTaskQueue()).startsWith("test-injects");
        assertThat(worker.getWorkflowTypes()).containsExactly("SleepyWorkflow");
        assertThat(client).isSameAs(env.getWorkflowClient());

        SleepyWorkflow workflow = client.newWorkflowStub(SleepyWorkflow.class, options);
        WorkflowClient.start(workflow::sleepThenNotify, -1, Duration.ofHours(1).toSeconds());
        workflow.wake("a signal");

        assertThat(io.perdura.sdk.client.WorkflowStub.fromTyped(workflow).getResult(String.class))
                .startsWith("woken by a signal after ");
    }

    @Test
    void givesEveryTestItsOwnEnvironment(TestWorkflowEnvironment env, SleepyWorkflow workflow) {
        assertThat(workflow.sleepThenNotify(1, 1)).startsWith("slept 1 after ");
        assertThat(env.isTimeSkipping()).isTrue();
    }
}
