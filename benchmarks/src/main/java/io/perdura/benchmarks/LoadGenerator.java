package io.perdura.benchmarks;

import io.perdura.benchmarks.temporal.TemporalPeerServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Runs one workload against a running server, Perdura's or the peer's, and prints workflows and
 * activities completed per second, history events per second, latency percentiles, timer lateness,
 * and the CPU each given process spent per workflow; then one {@code row} line that {@code
 * scripts/bench-vs-temporal.sh} reads.
 *
 * <pre>
 * java -jar benchmarks/target/perdura-benchmarks.jar --peer=perdura --target=http://127.0.0.1:7233 \
 *     --workload=one-activity --workflows=2000 --concurrency=32 [--pids=server:PID] [--mode=closed|open]
 * java -jar benchmarks/target/perdura-benchmarks.jar --peer=temporal --target=127.0.0.1:7234 ...
 * java -jar benchmarks/target/perdura-benchmarks.jar temporal-server --port=7234   # the peer's server
 * </pre>
 */
public final class LoadGenerator {

    private LoadGenerator() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("temporal-server")) {
            temporalServer(args);
            return;
        }
        BenchmarkOptions options = BenchmarkOptions.parse(args);
        Result result;
        try (Peer peer = options.peer().equals("temporal")
                ? new TemporalPeer(options.target(), options.namespace())
                : new PerduraPeer(options.target(), options.namespace())) {
            result = run(peer, options);
        }
        if (result.failed() > 0) {
            System.exit(1);
        }
    }

    static Result run(Peer peer, BenchmarkOptions options) throws Exception {
        Workload workload = options.workload();
        System.out.printf(
                "peer=%s workload=%s mode=%s workflows=%s concurrency=%d target=%s%n",
                peer.name(),
                workload.name(),
                options.mode().name().toLowerCase(Locale.ROOT),
                options.mode() == Workload.Mode.OPEN
                        ? options.rate() + "/s for " + options.duration().toSeconds() + "s"
                        : Integer.toString(options.workflows()),
                options.concurrency(),
                options.target());
        if (options.warmup() > 0) {
            // idle-scale warms up with sleepers too, so that every workflow the server holds is asleep
            new Driver(peer, workload, options.taskQueue()).closed(options.warmup(), options.concurrency());
        }
        List<ProcessStats> before = new ArrayList<>();
        for (Map.Entry<String, Long> process : options.processes().entrySet()) {
            before.add(ProcessStats.of(process.getKey(), process.getValue()));
        }
        ProcessStats selfBefore = ProcessStats.self();
        long diskBefore = HeapProbe.bytesUnder(options.dataDir());
        Driver driver = new Driver(peer, workload, options.taskQueue());
        Result result = options.mode() == Workload.Mode.OPEN
                ? driver.open(options.rate(), options.duration())
                : driver.closed(options.workflows(), options.concurrency());
        ProcessStats selfAfter = selfBefore.now();
        List<ProcessStats> after = before.stream().map(ProcessStats::now).toList();

        long events = workload.awaitsResult() ? historyEvents(peer, result.workflowIds()) : 0;
        System.out.println(result.report(events));
        StringBuilder row = new StringBuilder(String.format(
                Locale.ROOT,
                "row peer=%s workload=%s mode=%s workflows=%d failed=%d wf/s=%.1f act/s=%.1f p50-ms=%.1f p99-ms=%.1f",
                peer.name(),
                workload.name(),
                result.mode().name().toLowerCase(Locale.ROOT),
                result.workflows(),
                result.failed(),
                result.workflowsPerSecond(),
                result.workflowsPerSecond() * workload.activities(),
                result.latencyMillis(0.50),
                result.latencyMillis(0.99)));
        if (!Double.isNaN(result.latenessMillis(0.5))) {
            row.append(String.format(
                    Locale.ROOT,
                    " late-p50-ms=%.0f late-p99-ms=%.0f",
                    result.latenessMillis(0.50),
                    result.latenessMillis(0.99)));
        }
        double serverCpu = 0;
        for (int i = 0; i < after.size(); i++) {
            System.out.println(after.get(i).since(before.get(i), result.workflows()));
            serverCpu += after.get(i).cpuMillisPerWorkflow(before.get(i), result.workflows());
        }
        System.out.println(selfAfter.since(selfBefore, result.workflows()));
        double selfCpu = selfAfter.cpuMillisPerWorkflow(selfBefore, result.workflows());
        row.append(String.format(
                Locale.ROOT, " server-cpu-ms/wf=%.1f total-cpu-ms/wf=%.1f", serverCpu, serverCpu + selfCpu));
        if (!workload.awaitsResult()) {
            long diskGrowth = diskBefore < 0 ? -1 : HeapProbe.bytesUnder(options.dataDir()) - diskBefore;
            row.append(idleScale(after, diskGrowth, result.completed(), result.completed() + options.warmup()));
        }
        System.out.println(row);
        return result;
    }

    /**
     * What the sleeping workflows (the run's and the warm-up's) cost: heap after GC and live threads of
     * each server, and how much the data directory grew during the run, per 100k workflows.
     */
    private static String idleScale(List<ProcessStats> servers, long diskGrowth, int started, int sleeping) {
        StringBuilder fields = new StringBuilder();
        long heap = 0;
        int threads = 0;
        for (ProcessStats server : servers) {
            long serverHeap = HeapProbe.heapAfterGcMiB(server.pid());
            ProcessStats now = server.now();
            System.out.printf(
                    "%s after %d sleeping workflows: heap-after-gc=%dMiB live-threads=%d%n",
                    server.label(), sleeping, serverHeap, now.threads());
            heap += serverHeap;
            threads += now.threads();
        }
        fields.append(String.format(Locale.ROOT, " sleeping=%d heap-mib=%d threads=%d", sleeping, heap, threads));
        if (diskGrowth >= 0 && started > 0) {
            double perHundredThousand = diskGrowth / 1024.0 / 1024.0 * 100_000 / started;
            System.out.printf(Locale.ROOT, "data dir grew %.1f MiB per 100k workflows%n", perHundredThousand);
            fields.append(String.format(Locale.ROOT, " disk-mib/100k=%.1f", perHundredThousand));
        }
        return fields.toString();
    }

    private static void temporalServer(String[] args) throws InterruptedException {
        int port = 7233;
        String taskQueue = "samples";
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--port=")) {
                port = Integer.parseInt(args[i].substring("--port=".length()));
            } else if (args[i].startsWith("--task-queue=")) {
                taskQueue = args[i].substring("--task-queue=".length());
            } else {
                throw new IllegalArgumentException("temporal-server takes --port= and --task-queue=, not " + args[i]);
            }
        }
        TemporalPeerServer.run(port, taskQueue);
    }

    /** History length of every workflow, read after the timed run so it does not load the server. */
    static long historyEvents(Peer peer, List<String> workflowIds) throws Exception {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Semaphore limit = new Semaphore(16);
            List<Future<Long>> lengths = new ArrayList<>();
            for (String id : workflowIds) {
                limit.acquire();
                lengths.add(executor.submit(() -> {
                    try {
                        return peer.historyLength(id);
                    } catch (RuntimeException e) {
                        return 0L;
                    } finally {
                        limit.release();
                    }
                }));
            }
            long total = 0;
            for (Future<Long> length : lengths) {
                total += length.get();
            }
            return total;
        }
    }
}
