package io.perdura.samples.bench;

import io.perdura.samples.Samples;
import io.perdura.samples.hello.Greetings;
import io.perdura.sdk.activity.ActivityOptions;
import io.perdura.sdk.workflow.Workflow;
import io.perdura.spring.WorkflowImpl;
import java.time.Duration;

/** Ten sequential activity round trips. */
@WorkflowImpl(taskQueue = Samples.TASK_QUEUE)
public class TenActivitiesWorkflow implements TenActivities {

    private static final int CALLS = 10;

    private final Greetings greetings = Workflow.newActivityStub(
            Greetings.class,
            ActivityOptions.builder()
                    .setStartToCloseTimeout(Duration.ofSeconds(10))
                    .build());

    @Override
    public String greetTenTimes(String name) {
        String greeting = null;
        for (int i = 0; i < CALLS; i++) {
            greeting = greetings.compose(name);
        }
        return greeting;
    }
}
