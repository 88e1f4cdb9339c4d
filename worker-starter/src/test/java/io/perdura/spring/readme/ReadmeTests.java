package io.perdura.spring.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.sdk.client.WorkflowClient;
import io.perdura.spring.PerduraAutoConfiguration;
import io.perdura.spring.PerduraWorkers;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The README's code, run by the starter as the README says. */
class ReadmeTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PerduraAutoConfiguration.class))
            .withPropertyValues("perdura.target=http://127.0.0.1:9")
            .withUserConfiguration(ReadmeConfiguration.class, HelloWorkflow.class, GreetingsActivities.class);

    @Test
    void theReadmesBeansBecomeAWorkerForTheSamplesQueue() {
        runner.run(context -> {
            var worker = context.getBean(PerduraWorkers.class).workers().get("samples");
            assertThat(worker.getWorkflowTypes()).containsExactly("Hello");
            assertThat(worker.getWorkerOptions().getMaxConcurrentActivityExecutions())
                    .isEqualTo(50);
            assertThat(context.getBean(WorkflowClient.class).getOptions().getIdentity())
                    .isEqualTo("orders-worker-1");
        });
    }

    @Test
    void theReadmesWorkflowStubIsBuiltFromItsInterface() {
        WorkflowClient client = WorkflowClient.newInstance(io.perdura.sdk.client.WorkflowClientOptions.builder()
                .setTarget("http://127.0.0.1:9")
                .setRpcRetryOptions(io.perdura.sdk.client.RpcRetryOptions.newBuilder()
                        .setExpiration(Duration.ofMillis(200))
                        .build())
                .build());
        // Nothing listens: the start is tried, then fails as a service error, not as a wrong stub.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReadmeConfiguration.greet(client))
                .isInstanceOf(io.perdura.sdk.client.WorkflowServiceException.class);
    }
}
