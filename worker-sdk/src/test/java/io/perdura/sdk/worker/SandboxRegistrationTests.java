package io.perdura.sdk.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perdura.sdk.client.WorkflowClient;
import io.perdura.sdk.client.WorkflowClientOptions;
import io.perdura.sdk.workflow.AllowNonDeterministic;
import io.perdura.sdk.workflow.Workflow;
import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Strict refuses a non-deterministic workflow, warn logs once and registers, off does neither; allow-lists. */
class SandboxRegistrationTests {

    @WorkflowInterface
    public interface Stamped {
        @WorkflowMethod(name = "Stamped")
        String run();
    }

    /** Two findings: the clock and an environment variable. */
    public static class ReadsTheClock implements Stamped {
        public String run() {
            return System.currentTimeMillis() + System.getenv("HOME");
        }
    }

    /** Warned about, in its own class so the once-per-JVM warning is its own. */
    public static class WarnedAbout implements Stamped {
        public String run() {
            return "at " + System.nanoTime();
        }
    }

    public static class Deterministic implements Stamped {
        public String run() {
            return "at " + Workflow.currentTimeMillis();
        }
    }

    public static class AllowedMethod implements Stamped {
        public String run() {
            return hostName();
        }

        @AllowNonDeterministic("the host name is only logged, it never steers the workflow")
        private static String hostName() {
            return System.getenv("HOSTNAME");
        }
    }

    @AllowNonDeterministic("a test double")
    public static class AllowedClass implements Stamped {
        public String run() {
            return "at " + System.currentTimeMillis();
        }
    }

    public static class CallsAHelper implements Stamped {
        public String run() {
            return Clocks.now();
        }
    }

    static final class Clocks {
        private Clocks() {}

        static String now() {
            return "at " + System.currentTimeMillis();
        }
    }

    private final WorkflowClient client = WorkflowClient.newInstance(
            WorkflowClientOptions.builder().setTarget("http://localhost:1").build());
    private final WorkerFactory factory = WorkerFactory.newInstance(client);
    private int queues;

    @AfterEach
    void shutdown() {
        factory.shutdownNow();
    }

    private Worker worker(SandboxMode mode, String... allowed) {
        return factory.newWorker(
                "sandbox-" + (++queues),
                WorkerOptions.newBuilder()
                        .setSandboxMode(mode)
                        .setSandboxAllowed(List.of(allowed))
                        .build());
    }

    @Test
    void strictIsTheDefault() {
        assertThat(WorkerOptions.getDefaultInstance().getSandboxMode()).isEqualTo(SandboxMode.STRICT);
    }

    @Test
    void strictRefusesTheWorkflowTypeListingEveryFinding() {
        Worker worker = factory.newWorker("strict");

        assertThatThrownBy(() -> worker.registerWorkflowImplementationTypes(ReadsTheClock.class))
                .isInstanceOfSatisfying(NonDeterministicWorkflowException.class, e -> {
                    assertThat(e.getWorkflowClass()).isEqualTo(ReadsTheClock.class.getName());
                    assertThat(e.getFindings())
                            .extracting(SandboxFinding::kind)
                            .containsExactly(SandboxFinding.Kind.WALL_CLOCK, SandboxFinding.Kind.ENVIRONMENT);
                })
                .hasMessageStartingWith("workflow implementation " + ReadsTheClock.class.getName()
                        + " is not deterministic: the sandbox found 2 calls that break replay")
                .hasMessageContaining(
                        "\n  - [WALL_CLOCK] " + ReadsTheClock.class.getName() + ".run(SandboxRegistrationTests.java:")
                .hasMessageContaining("java.lang.System.currentTimeMillis(); use Workflow.currentTimeMillis()")
                .hasMessageContaining("\n  - [ENVIRONMENT] ")
                .hasMessageContaining("java.lang.System.getenv(String); use workflow input");
        assertThat(worker.getWorkflowTypes()).isEmpty();
    }

    @Test
    void strictRefusesAFactoryRegistrationThatNamesItsClass() {
        Worker worker = worker(SandboxMode.STRICT);

        assertThatThrownBy(() -> worker.registerWorkflowImplementationFactory(
                        Stamped.class,
                        ReadsTheClock.class,
                        ReadsTheClock::new,
                        WorkflowImplementationOptions.getDefaultInstance()))
                .isInstanceOf(NonDeterministicWorkflowException.class);
        assertThat(worker.getWorkflowTypes()).isEmpty();
    }

    @Test
    void strictRegistersDeterministicCode() {
        Worker worker = worker(SandboxMode.STRICT);

        worker.registerWorkflowImplementationTypes(Deterministic.class);

        assertThat(worker.getWorkflowTypes()).containsExactly("Stamped");
    }

    @Test
    void warnLogsTheFindingsOnceAndRegisters() {
        String log = stderrOf(() -> {
            worker(SandboxMode.WARN).registerWorkflowImplementationTypes(WarnedAbout.class);
            worker(SandboxMode.WARN).registerWorkflowImplementationTypes(WarnedAbout.class);
        });

        assertThat(log)
                .containsOnlyOnce("workflow implementation " + WarnedAbout.class.getName() + " is not deterministic")
                .contains("[WALL_CLOCK] " + WarnedAbout.class.getName() + ".run(SandboxRegistrationTests.java:")
                .contains("java.lang.System.nanoTime()");
        assertThat(factory.getWorker("sandbox-1").getWorkflowTypes()).containsExactly("Stamped");
        assertThat(factory.getWorker("sandbox-2").getWorkflowTypes()).containsExactly("Stamped");
    }

    @Test
    void offNeitherAnalysesNorRefuses() {
        Worker worker = worker(SandboxMode.OFF);

        worker.registerWorkflowImplementationTypes(ReadsTheClock.class);

        assertThat(worker.getWorkflowTypes()).containsExactly("Stamped");
    }

    @Test
    void theAnnotationOnAMethodOrAClassSuppressesItsFindings() {
        worker(SandboxMode.STRICT).registerWorkflowImplementationTypes(AllowedMethod.class);
        worker(SandboxMode.STRICT).registerWorkflowImplementationTypes(AllowedClass.class);
    }

    @Test
    void allowListPatternsSuppressByMethodClassPackageOrCallTarget() {
        assertThatThrownBy(() -> worker(SandboxMode.STRICT).registerWorkflowImplementationTypes(CallsAHelper.class))
                .isInstanceOf(NonDeterministicWorkflowException.class)
                .hasMessageContaining(Clocks.class.getName() + ".now(");

        worker(SandboxMode.STRICT, Clocks.class.getName() + "#now")
                .registerWorkflowImplementationTypes(CallsAHelper.class);
        worker(SandboxMode.STRICT, Clocks.class.getName()).registerWorkflowImplementationTypes(CallsAHelper.class);
        worker(SandboxMode.STRICT, "io.perdura.sdk.worker.*").registerWorkflowImplementationTypes(CallsAHelper.class);
        worker(SandboxMode.STRICT, "java.lang.System#currentTimeMillis")
                .registerWorkflowImplementationTypes(CallsAHelper.class);
        // a pattern that matches something else leaves the finding
        assertThatThrownBy(() -> worker(SandboxMode.STRICT, Clocks.class.getName() + "#later")
                        .registerWorkflowImplementationTypes(CallsAHelper.class))
                .isInstanceOf(NonDeterministicWorkflowException.class);
    }

    @Test
    void aMalformedAllowListPatternIsRejected() {
        assertThatThrownBy(() -> worker(SandboxMode.STRICT, "a#b#c"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a#b#c");
    }

    private static String stderrOf(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
