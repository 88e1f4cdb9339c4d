package io.perdura.spring.readme;

import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;

// README.md, first snippet
@WorkflowInterface public interface Hello {
  @WorkflowMethod(name = "Hello") String greet(String name);
}
