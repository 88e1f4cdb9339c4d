package io.perdura.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AOT cache {@code ./perdura dev-server} starts from (ADR 0032): {@code
 * scripts/dev-server-aot.sh} makes it from the packaged jar, and a dev server started with it, and
 * {@code -XX:AOTMode=on} (the JVM refuses to start when it cannot use the cache), loads its own
 * classes from the cache and answers health and a start request.
 */
class DevServerAotCacheTests {

    @TempDir
    Path work;

    @Test
    void theDevServerStartsFromTheCacheTheScriptMakes() throws Exception {
        Path aot = work.resolve("aot");
        Process make = new ProcessBuilder(
                        "bash",
                        Path.of("..", "scripts", "dev-server-aot.sh").toString(),
                        DevServerProcess.packagedJar().toAbsolutePath().toString(),
                        aot.toString())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("make.log").toFile())
                .start();
        assertThat(make.waitFor(15, TimeUnit.MINUTES)).isTrue();
        assertThat(make.exitValue())
                .as(Files.readString(work.resolve("make.log")))
                .isZero();
        Path cache = aot.resolve("perdura-dev-server.aot");
        assertThat(cache).isNotEmptyFile();

        Path classLoads = work.resolve("class-load.log");
        DevServerProcess server = new DevServerProcess(
                aot.resolve("app").resolve("perdura-dev-server.jar"),
                List.of("-XX:AOTCache=" + cache, "-XX:AOTMode=on", "-Xlog:class+load=info:file=" + classLoads),
                work.resolve("data"),
                List.of("--samples"));
        try (server) {
            server.start();
            RestApi.Response started = new RestApi(server.url())
                    .post(
                            "/api/v1/namespaces/default/workflows/aot-1",
                            "{\"workflowType\":\"Hello\",\"taskQueue\":\"samples\",\"input\":[\"AOT\"]}");
            assertThat(started.status()).isEqualTo(201);
            RestApi.Response result =
                    new RestApi(server.url()).get("/api/v1/namespaces/default/workflows/aot-1/result?wait=30s");
            assertThat(result.body()).contains("\"COMPLETED\"", "Hello, AOT!");
        }
        assertThat(classLoadsOf(classLoads, "io.perdura.devserver.DevServerApplication"))
                .contains("source: shared objects file");
        assertThat(classLoadsOf(classLoads, "io.perdura.history.engine.HistoryEngine"))
                .contains("source: shared objects file");
    }

    private static String classLoadsOf(Path log, String className) throws IOException {
        try (var lines = Files.lines(log)) {
            return lines.filter(line -> line.contains(" " + className + " "))
                    .findFirst()
                    .orElse(className + " not loaded");
        }
    }
}
