package io.perdura.samples.countdown;

import io.perdura.samples.Samples;
import io.perdura.sdk.workflow.Workflow;
import io.perdura.spring.WorkflowImpl;

/** One step of the countdown per run: the history of each run stays a few events long. */
@WorkflowImpl(taskQueue = Samples.TASK_QUEUE)
public class CountdownWorkflow implements Countdown {

    @Override
    public String countdown(int n) {
        if (n <= 0) {
            return "liftoff";
        }
        Workflow.continueAsNew(n - 1);
        throw new IllegalStateException("continueAsNew never returns");
    }
}
