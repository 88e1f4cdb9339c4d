package io.perdura.systemtests;

import io.perdura.sdk.activity.Activity;
import io.perdura.sdk.activity.ActivityInterface;
import io.perdura.sdk.activity.ActivityOptions;
import io.perdura.sdk.client.WorkflowClient;
import io.perdura.sdk.client.WorkflowClientOptions;
import io.perdura.sdk.common.RetryOptions;
import io.perdura.sdk.worker.Worker;
import io.perdura.sdk.worker.WorkerFactory;
import io.perdura.sdk.workflow.Workflow;
import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;
import java.time.Duration;

/**
 * A workflow of one activity on its own task queue, for the eager execution tests: the activity has a
 * 5 s start-to-close timeout and is retried. {@link #main} runs a worker whose activity never returns,
 * as a child process to be killed while it runs an eager attempt.
 */
@WorkflowInterface
public interface EagerNapWorkflow {

    @WorkflowMethod(name = "EagerNap")
    String nap(String who);

    @ActivityInterface
    interface Naps {
        String nap(String who);
    }

    class Impl implements EagerNapWorkflow {
        private final Naps naps = Workflow.newActivityStub(
                Naps.class,
                ActivityOptions.newBuilder()
                        .setStartToCloseTimeout(Duration.ofSeconds(5))
                        .setRetryOptions(RetryOptions.newBuilder()
                                .setInitialInterval(Duration.ofMillis(100))
                                .setMaximumAttempts(5)
                                .build())
                        .build());

        @Override
        public String nap(String who) {
            return naps.nap(who);
        }
    }

    /** Naps for good: the worker running it is killed before it returns. */
    class Endless implements Naps {
        @Override
        public String nap(String who) {
            try {
                Thread.sleep(Duration.ofHours(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return who + " overslept";
        }
    }

    /** Wakes at once, saying which attempt it was. */
    class Quick implements Naps {
        @Override
        public String nap(String who) {
            return who + " rested on attempt "
                    + Activity.getExecutionContext().getInfo().getAttempt();
        }
    }

    /** {@code main(serverUrl, taskQueue)}: a worker with this workflow and the endless nap. */
    static void main(String[] args) throws InterruptedException {
        WorkflowClient client = WorkflowClient.newInstance(WorkflowClientOptions.builder()
                .setTarget(args[0])
                .setNamespace("default")
                .setIdentity("doomed-eager-worker")
                .build());
        WorkerFactory factory = WorkerFactory.newInstance(client);
        Worker worker = factory.newWorker(args[1]);
        worker.registerWorkflowImplementationTypes(Impl.class);
        worker.registerActivitiesImplementations(new Endless());
        factory.start();
        Thread.sleep(Duration.ofHours(1));
    }
}
