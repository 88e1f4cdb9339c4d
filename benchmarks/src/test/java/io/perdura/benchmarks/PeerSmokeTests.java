package io.perdura.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.perdura.benchmarks.temporal.TemporalPeerServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every workload runs, with a handful of workflows, on both sides: Perdura's packaged dev server
 * with its samples' workers, and Temporal's test server with the peer worker. Proves the shapes and
 * the driver, measures nothing.
 */
class PeerSmokeTests {

    @TempDir
    Path dataDir;

    @Test
    void everyWorkloadRunsOnPerdura() throws Exception {
        try (DevServer server = DevServer.start(dataDir, freePort())) {
            try (Peer peer = new PerduraPeer(server.url(), "default")) {
                runEveryWorkload(peer, server.url(), "--pids=server:" + server.pid(), "--data-dir=" + dataDir);
            }
        }
    }

    @Test
    void everyWorkloadRunsOnTemporal() throws Exception {
        int port = freePort();
        try (AutoCloseable server = TemporalPeerServer.start(port, "samples");
                Peer peer = new TemporalPeer("127.0.0.1:" + port, "default")) {
            // the server runs in this JVM, whose CPU the load generator reports as its own
            runEveryWorkload(peer, "127.0.0.1:" + port);
        }
    }

    /** {@code serverOptions}: which processes the run reports ({@code --pids}), where the server keeps its data. */
    private static void runEveryWorkload(Peer peer, String target, String... serverOptions) throws Exception {
        for (String workload : Workload.NAMES) {
            List<String> args = new ArrayList<>(List.of(
                    "--peer=" + peer.name(),
                    "--target=" + target,
                    "--workload=" + workload,
                    "--workflows=4",
                    "--concurrency=2",
                    "--warmup=1",
                    "--rate=4",
                    "--duration=1s"));
            args.addAll(List.of(serverOptions));
            BenchmarkOptions options = BenchmarkOptions.parse(args.toArray(String[]::new));
            Result result = LoadGenerator.run(peer, options);
            assertThat(result.failed()).as(workload).isZero();
            assertThat(result.completed()).as(workload).isEqualTo(4);
            if (workload.equals("timer")) {
                assertThat(result.latenessMillis(0.5))
                        .as("timer lateness")
                        .isNotNaN()
                        .isNotNegative();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
