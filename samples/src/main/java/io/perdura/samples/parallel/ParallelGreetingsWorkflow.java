package io.perdura.samples.parallel;

import io.perdura.samples.Samples;
import io.perdura.samples.hello.Greetings;
import io.perdura.sdk.activity.ActivityOptions;
import io.perdura.sdk.workflow.Async;
import io.perdura.sdk.workflow.Promise;
import io.perdura.sdk.workflow.Workflow;
import io.perdura.spring.WorkflowImpl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts one greeting activity per name without waiting (their ActivityTaskScheduled events are
 * written in one workflow task), then waits for all of them.
 */
@WorkflowImpl(taskQueue = Samples.TASK_QUEUE)
public class ParallelGreetingsWorkflow implements ParallelGreetings {

    private final Greetings greetings = Workflow.newActivityStub(
            Greetings.class,
            ActivityOptions.builder()
                    .setStartToCloseTimeout(Duration.ofSeconds(10))
                    .build());

    @Override
    public List<String> greetAll(List<String> names) {
        List<Promise<String>> pending = new ArrayList<>();
        for (String name : names) {
            pending.add(Async.function(greetings::compose, name));
        }
        Promise.allOf(pending).get();
        return pending.stream().map(Promise::get).toList();
    }
}
