package io.perdura.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The samples' Spring Boot worker ({@code SamplesWorkerApplication}, task queue {@code samples}) as a
 * child process, so a test can kill it with {@code kill -9} in the middle of a workflow.
 */
final class WorkerProcess implements AutoCloseable {

    private final Process process;

    private WorkerProcess(Process process) {
        this.process = process;
    }

    static WorkerProcess start(String serverUrl, String name) {
        return start(
                name,
                "io.perdura.samples.SamplesWorkerApplication",
                "--perdura.target=" + serverUrl,
                "--perdura.identity=" + name,
                "--spring.main.banner-mode=off");
    }

    /** Runs {@code mainClass} of the test class path with {@code args} as a child process named {@code name}. */
    static WorkerProcess start(String name, String mainClass, String... args) {
        Path log = Path.of("target", "worker-" + name + ".log");
        try {
            Files.createDirectories(log.getParent());
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    mainClass));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new WorkerProcess(process);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the worker " + name, e);
        }
    }

    /** {@code kill -9}: the worker gets no chance to cancel its polls or finish its tasks. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        kill();
    }
}
