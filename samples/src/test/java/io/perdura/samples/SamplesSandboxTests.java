package io.perdura.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.sdk.client.WorkflowClient;
import io.perdura.sdk.client.WorkflowClientOptions;
import io.perdura.sdk.worker.SandboxMode;
import io.perdura.sdk.worker.Worker;
import io.perdura.sdk.worker.WorkerFactory;
import io.perdura.sdk.worker.WorkerOptions;
import io.perdura.spring.WorkflowImpl;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/** Every sample workflow passes the sandbox in strict mode (the default), and the analysis costs little. */
class SamplesSandboxTests {

    private final WorkerFactory factory = WorkerFactory.newInstance(WorkflowClient.newInstance(
            WorkflowClientOptions.builder().setTarget("http://localhost:1").build()));

    @AfterEach
    void shutdown() {
        factory.shutdownNow();
    }

    static List<Class<?>> sampleWorkflows() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(WorkflowImpl.class));
        return scanner.findCandidateComponents("io.perdura.samples").stream()
                .map(bean -> ClassUtils.resolveClassName(bean.getBeanClassName(), null))
                .<Class<?>>map(c -> c)
                .toList();
    }

    @Test
    void everySampleWorkflowRegistersInStrictMode() {
        List<Class<?>> workflows = sampleWorkflows();
        assertThat(workflows).hasSizeGreaterThanOrEqualTo(11);
        Worker strict = factory.newWorker(
                "strict",
                WorkerOptions.newBuilder().setSandboxMode(SandboxMode.STRICT).build());
        Worker off = factory.newWorker(
                "off",
                WorkerOptions.newBuilder().setSandboxMode(SandboxMode.OFF).build());

        long offStart = System.nanoTime();
        off.registerWorkflowImplementationTypes(workflows.toArray(Class<?>[]::new));
        long offNanos = System.nanoTime() - offStart;
        long strictStart = System.nanoTime();
        strict.registerWorkflowImplementationTypes(workflows.toArray(Class<?>[]::new));
        long strictNanos = System.nanoTime() - strictStart;

        // another allow-list is another cache entry: the same analysis again, with ASM loaded and warm
        Worker again = factory.newWorker(
                "again",
                WorkerOptions.newBuilder()
                        .setSandboxAllowed(List.of("com.example.nothing.*"))
                        .build());
        long againStart = System.nanoTime();
        again.registerWorkflowImplementationTypes(workflows.toArray(Class<?>[]::new));
        long againNanos = System.nanoTime() - againStart;

        assertThat(strict.getWorkflowTypes()).hasSize(workflows.size());
        assertThat(again.getWorkflowTypes()).hasSize(workflows.size());
        System.out.printf(
                "sandbox: %d sample workflows registered in %.1f ms in strict mode (first analysis in the JVM),"
                        + " %.1f ms analysed again, %.1f ms with the sandbox off%n",
                workflows.size(), strictNanos / 1e6, againNanos / 1e6, offNanos / 1e6);
    }
}
