package io.perdura.spring.readme;

import io.perdura.sdk.activity.ActivityOptions;
import io.perdura.sdk.client.WorkflowClient;
import io.perdura.sdk.client.WorkflowClientOptions;
import io.perdura.sdk.client.WorkflowOptions;
import io.perdura.sdk.worker.WorkerOptions;
import io.perdura.sdk.worker.WorkflowImplementationOptions;
import io.perdura.spring.PerduraOptionsCustomizer;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The README's "Using it from Spring Boot" snippets, inside a configuration class as an application has them. */
@Configuration(proxyBeanMethods = false)
class ReadmeConfiguration {

  // README.md, "Using it from Spring Boot": implementation options
  @Bean WorkflowImplementationOptions workflowOptions() {
    return WorkflowImplementationOptions.newBuilder()
        .setDefaultActivityOptions(ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30)).build())
        .build();
  }

  // README.md, "Using it from Spring Boot": customizers
  @Bean PerduraOptionsCustomizer<WorkflowClientOptions.Builder> clientCustomizer() {
    return options -> options.setIdentity("orders-worker-1");
  }
  @Bean PerduraOptionsCustomizer<WorkerOptions.Builder> workerCustomizer() {
    return options -> options.setMaxConcurrentActivityExecutions(50);
  }

  /** README.md, "Using it from Spring Boot": starting a workflow from code. */
  static String greet(WorkflowClient client) {
    Hello hello = client.newWorkflowStub(Hello.class,
        WorkflowOptions.builder().setWorkflowId("hello-2").setTaskQueue("samples").build());
    String greeting = hello.greet("Spring");
    return greeting;
  }
}
