package io.perdura.samples.cancellable;

import io.perdura.samples.Samples;
import io.perdura.sdk.activity.ActivityOptions;
import io.perdura.sdk.failure.CanceledFailure;
import io.perdura.sdk.workflow.Workflow;
import io.perdura.spring.WorkflowImpl;
import java.time.Duration;

/**
 * Sleeps; when cancelled, cleans up in a detached scope (the cancellation does not reach it), then
 * rethrows the CanceledFailure so the run closes CANCELED.
 */
@WorkflowImpl(taskQueue = Samples.TASK_QUEUE)
public class CancellableWorkflow implements Cancellable {

    private final Cleanup cleanup = Workflow.newActivityStub(
            Cleanup.class,
            ActivityOptions.builder()
                    .setStartToCloseTimeout(Duration.ofSeconds(10))
                    .build());

    private boolean cleanedUp;

    @Override
    public String run() {
        try {
            Workflow.sleep(Duration.ofHours(1));
            return "slept an hour";
        } catch (CanceledFailure cancelled) {
            Workflow.newDetachedCancellationScope(() -> {
                        cleanup.cleanUp("the reservation");
                        cleanedUp = true;
                    })
                    .run();
            throw cancelled;
        }
    }

    @Override
    public boolean cleanedUp() {
        return cleanedUp;
    }
}
