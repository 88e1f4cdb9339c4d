package io.perdura.samples.hello;

import io.perdura.samples.Samples;
import io.perdura.sdk.activity.ActivityOptions;
import io.perdura.sdk.workflow.Workflow;
import io.perdura.spring.WorkflowImpl;
import java.time.Duration;

/** Calls one activity and returns its greeting. */
@WorkflowImpl(taskQueue = Samples.TASK_QUEUE)
public class HelloWorkflow implements Hello {

    private final Greetings greetings = Workflow.newActivityStub(
            Greetings.class,
            ActivityOptions.builder()
                    .setStartToCloseTimeout(Duration.ofSeconds(10))
                    .build());

    @Override
    public String greet(String name) {
        return greetings.compose(name);
    }
}
