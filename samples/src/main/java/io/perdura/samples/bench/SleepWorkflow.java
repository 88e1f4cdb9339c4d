package io.perdura.samples.bench;

import io.perdura.samples.Samples;
import io.perdura.sdk.workflow.Workflow;
import io.perdura.spring.WorkflowImpl;
import java.time.Duration;

/** One timer; answers how long it took in workflow time. */
@WorkflowImpl(taskQueue = Samples.TASK_QUEUE)
public class SleepWorkflow implements Sleep {

    @Override
    public long sleep(long millis) {
        long before = Workflow.currentTimeMillis();
        Workflow.sleep(Duration.ofMillis(millis));
        return Workflow.currentTimeMillis() - before;
    }
}
