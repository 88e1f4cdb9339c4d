package io.perdura.systemtests;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The packaged dev server ({@code java -jar perdura-dev-server.jar}) as a child process. */
final class DevServerProcess implements PerduraServer {

    private final Path jar;
    private final List<String> jvmOptions;
    private final Path dataDir;
    private final List<String> extraArgs;
    private final int port;
    private final Path log;
    private Process process;

    DevServerProcess(Path dataDir, List<String> extraArgs) {
        this(packagedJar(), List.of(), dataDir, extraArgs);
    }

    /** The dev server from {@code jar} (the packaged one, or the AOT cache's extracted copy), with JVM options. */
    DevServerProcess(Path jar, List<String> jvmOptions, Path dataDir, List<String> extraArgs) {
        this.jar = jar;
        this.jvmOptions = jvmOptions;
        this.dataDir = dataDir;
        this.extraArgs = extraArgs;
        this.port = freePort();
        this.log = Path.of("target", "dev-server-" + port + ".log");
    }

    @Override
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The packaged dev server, {@code dev-server/target/perdura-dev-server.jar}. */
    static Path packagedJar() {
        return Path.of(System.getProperty("perdura.devServerJar", "../dev-server/target/perdura-dev-server.jar"));
    }

    /** The log the process writes its output to. */
    Path log() {
        return log;
    }

    @Override
    public void start() {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: run the tests with ./mvnw verify");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--port=" + port, "--data-dir=" + dataDir));
        command.addAll(extraArgs);
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the dev server", e);
        }
        awaitReady();
    }

    @Override
    public void kill() {
        if (process != null) {
            process.destroyForcibly(); // SIGKILL: nothing gets to shut down cleanly
            waitFor();
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            waitFor();
        }
    }

    private void waitFor() {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "dev server exited with " + process.exitValue() + "; see " + log.toAbsolutePath());
            }
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create(url() + "/actuator/health"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep();
        }
        throw new IllegalStateException("dev server not ready after 90 s; see " + log.toAbsolutePath());
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
