package io.perdura.spring.readme;

import io.perdura.sdk.activity.ActivityOptions;
import io.perdura.sdk.workflow.Workflow;
import io.perdura.spring.WorkflowImpl;
import java.time.Duration;

// README.md, first snippet
@WorkflowImpl(taskQueue = "samples") public class HelloWorkflow implements Hello {
  private final Greetings greetings = Workflow.newActivityStub(Greetings.class,
      ActivityOptions.builder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());
  public String greet(String name) { return greetings.compose(name); }
}
