package io.perdura.samples.parent;

import io.perdura.samples.Samples;
import io.perdura.samples.hello.Hello;
import io.perdura.sdk.workflow.Async;
import io.perdura.sdk.workflow.ChildWorkflowOptions;
import io.perdura.sdk.workflow.Promise;
import io.perdura.sdk.workflow.Workflow;
import io.perdura.spring.WorkflowImpl;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Starts its {@code Hello} children without waiting (their StartChildWorkflowExecutionInitiated
 * events are written in one workflow task), then waits for each result in order.
 */
@WorkflowImpl(taskQueue = Samples.TASK_QUEUE)
public class ParentWorkflow implements Parent {

    @Override
    public String greetChildren(int n) {
        String parentId = Workflow.getInfo().getWorkflowId();
        List<Promise<String>> greetings = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            Hello child = Workflow.newChildWorkflowStub(
                    Hello.class,
                    ChildWorkflowOptions.newBuilder()
                            .setWorkflowId(parentId + "-child-" + i)
                            .build());
            greetings.add(Async.function(child::greet, "child-" + i));
        }
        return greetings.stream().map(Promise::get).collect(Collectors.joining("; "));
    }
}
