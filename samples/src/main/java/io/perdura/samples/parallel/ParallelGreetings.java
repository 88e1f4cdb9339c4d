package io.perdura.samples.parallel;

import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;
import java.util.List;

/**
 * Workflow type {@code ParallelGreetings}: input {@code [[name1, name2, …]]}; greets every name at
 * once, one activity each, and returns {@code ["Hello, <name>!", …]} in input order.
 */
@WorkflowInterface
public interface ParallelGreetings {

    @WorkflowMethod(name = "ParallelGreetings")
    List<String> greetAll(List<String> names);
}
