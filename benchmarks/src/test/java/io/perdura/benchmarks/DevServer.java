package io.perdura.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** The packaged dev server with its samples' workers ({@code perdura-dev-server.jar --samples}) as a child process. */
final class DevServer implements AutoCloseable {

    private final Process process;
    private final int port;

    private DevServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static DevServer start(Path dataDir, int port) throws IOException, InterruptedException {
        Path jar = Path.of("../dev-server/target/perdura-dev-server.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: run ./mvnw -pl benchmarks -am verify");
        }
        Path log = Path.of("target", "dev-server-" + port + ".log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-jar",
                        jar.toString(),
                        "--port=" + port,
                        "--data-dir=" + dataDir,
                        "--samples")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        DevServer server = new DevServer(process, port);
        server.awaitReady(log);
        return server;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    private void awaitReady(Path log) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("dev server exited; see " + log.toAbsolutePath());
            }
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(URI.create(url() + "/actuator/health"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        close();
        throw new IllegalStateException("dev server not ready after 120 s; see " + log.toAbsolutePath());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
