package io.perdura.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.sdk.worker.NonDeterministicWorkflowException;
import io.perdura.sdk.worker.SandboxMode;
import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;

/** The sandbox in the starter: strict by default fails the start-up with the findings; warn and the allow-list. */
class SandboxAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PerduraAutoConfiguration.class))
            .withPropertyValues("perdura.target=http://127.0.0.1:9")
            .withUserConfiguration(NonDeterministicBeans.class);

    @WorkflowInterface
    public interface Invoices {
        @WorkflowMethod
        String issue(String order);
    }

    @WorkflowImpl(taskQueue = "invoices")
    public static class InvoicesImpl implements Invoices {
        @Override
        public String issue(String order) {
            return order + "@" + java.time.Instant.now();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class NonDeterministicBeans {
        @Bean
        @Scope("prototype")
        InvoicesImpl invoices() {
            return new InvoicesImpl();
        }
    }

    @Test
    void aNonDeterministicWorkflowImplFailsTheStartupWithTheFindings() {
        runner.run(context -> assertThat(context)
                .hasFailed()
                .getFailure()
                .rootCause()
                .isInstanceOf(NonDeterministicWorkflowException.class)
                .hasMessageContaining(
                        "workflow implementation " + InvoicesImpl.class.getName() + " is not deterministic")
                .hasMessageContaining(
                        "[WALL_CLOCK] " + InvoicesImpl.class.getName() + ".issue(SandboxAutoConfigurationTests.java:")
                .hasMessageContaining("java.time.Instant.now(); use Workflow.currentTimeMillis()"));
    }

    @Test
    void theFailureAnalyzerExplainsTheFindingsAndTheWayOut() {
        runner.run(context -> {
            FailureAnalysis analysis =
                    new NonDeterministicWorkflowFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription())
                    .contains(InvoicesImpl.class.getName() + " makes calls that break deterministic replay")
                    .contains("java.time.Instant.now()");
            assertThat(analysis.getAction())
                    .contains("@AllowNonDeterministic")
                    .contains("perdura.worker.sandbox.allowed")
                    .contains("perdura.worker.sandbox.mode=warn");
        });
    }

    @Test
    void warnModeStartsTheWorkerWithTheWorkflow() {
        runner.withPropertyValues("perdura.worker.sandbox.mode=warn").run(context -> {
            assertThat(context).hasNotFailed();
            var worker = context.getBean(PerduraWorkers.class).workers().get("invoices");
            assertThat(worker.getWorkflowTypes()).containsExactly("Invoices");
            assertThat(worker.getWorkerOptions().getSandboxMode()).isEqualTo(SandboxMode.WARN);
        });
    }

    @Test
    void theAllowListPropertyReachesTheWorkers() {
        runner.withPropertyValues(
                        "perdura.worker.sandbox.allowed=" + InvoicesImpl.class.getName() + "#issue,com.acme.util.*")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    var worker = context.getBean(PerduraWorkers.class).workers().get("invoices");
                    assertThat(worker.getWorkerOptions().getSandboxMode()).isEqualTo(SandboxMode.STRICT);
                    assertThat(worker.getWorkerOptions().getSandboxAllowed())
                            .containsExactly(InvoicesImpl.class.getName() + "#issue", "com.acme.util.*");
                });
    }
}
