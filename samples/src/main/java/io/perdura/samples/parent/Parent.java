package io.perdura.samples.parent;

import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;

/**
 * Workflow type {@code Parent}: input {@code [n]}; starts {@code n} {@code Hello} child workflows at
 * once, with ids {@code <parentWorkflowId>-child-<i>} and inputs {@code "child-<i>"}, and returns
 * their greetings joined with {@code "; "} ({@code [2]} gives {@code "Hello, child-1!; Hello, child-2!"}).
 */
@WorkflowInterface
public interface Parent {

    @WorkflowMethod(name = "Parent")
    String greetChildren(int n);
}
