package io.perdura.samples.hello;

import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;

/** Workflow type {@code Hello}: input {@code [name]}, result {@code "Hello, <name>!"}. */
@WorkflowInterface
public interface Hello {

    @WorkflowMethod(name = "Hello")
    String greet(String name);
}
