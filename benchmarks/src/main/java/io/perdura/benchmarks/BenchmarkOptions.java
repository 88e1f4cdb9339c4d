package io.perdura.benchmarks;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Command-line options of the {@link LoadGenerator}. */
record BenchmarkOptions(
        String peer,
        String target,
        String namespace,
        String taskQueue,
        Workload workload,
        Workload.Mode mode,
        int workflows,
        int concurrency,
        int warmup,
        double rate,
        Duration duration,
        Map<String, Long> processes,
        String dataDir) {

    static BenchmarkOptions parse(String... args) {
        String peer = "perdura";
        String target = null;
        String namespace = "default";
        String taskQueue = "samples";
        String workload = "one-activity";
        String mode = null;
        int workflows = 2000;
        int concurrency = 32;
        int warmup = 200;
        double rate = 20;
        Duration duration = Duration.ofSeconds(30);
        Map<String, Long> processes = new LinkedHashMap<>();
        String dataDir = null;
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            if (pair.length != 2) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            switch (pair[0]) {
                case "peer" -> peer = pair[1];
                case "target" -> target = pair[1];
                case "namespace" -> namespace = pair[1];
                case "task-queue" -> taskQueue = pair[1];
                case "workload" -> workload = pair[1];
                case "mode" -> mode = pair[1];
                case "workflows" -> workflows = Integer.parseInt(pair[1]);
                case "concurrency" -> concurrency = Integer.parseInt(pair[1]);
                case "warmup" -> warmup = Integer.parseInt(pair[1]);
                case "rate" -> rate = Double.parseDouble(pair[1]);
                case "duration" -> duration = duration(pair[1]);
                case "server-pid" -> processes.put("server", Long.parseLong(pair[1]));
                case "pids" -> processes.putAll(pids(pair[1]));
                case "data-dir" -> dataDir = pair[1];
                default -> throw new IllegalArgumentException("unknown option --" + pair[0]);
            }
        }
        if (!peer.equals("perdura") && !peer.equals("temporal")) {
            throw new IllegalArgumentException("--peer is perdura or temporal, not " + peer);
        }
        if (target == null) {
            target = peer.equals("perdura") ? "http://127.0.0.1:7233" : "127.0.0.1:7233";
        }
        Workload named = Workload.named(workload);
        Workload.Mode chosen = mode == null ? named.defaultMode() : Workload.Mode.valueOf(mode.toUpperCase());
        return new BenchmarkOptions(
                peer,
                target,
                namespace,
                taskQueue,
                named,
                chosen,
                workflows,
                concurrency,
                warmup,
                rate,
                duration,
                processes,
                dataDir);
    }

    /** {@code 30s}, {@code 2m}, {@code 500ms} or an ISO-8601 duration ({@code PT30S}). */
    static Duration duration(String text) {
        if (text.startsWith("P") || text.startsWith("p")) {
            return Duration.parse(text);
        }
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        long amount = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> throw new IllegalArgumentException("expected a duration like 30s, 2m or PT30S, got " + text);
        };
    }

    /** {@code server:123,worker:456}: the processes whose CPU the run reports, by label. */
    private static Map<String, Long> pids(String text) {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String entry : text.split(",")) {
            String[] pair = entry.split(":", 2);
            if (pair.length != 2) {
                throw new IllegalArgumentException("expected --pids=label:pid,label:pid, got " + text);
            }
            pids.put(pair[0], Long.parseLong(pair[1]));
        }
        return pids;
    }
}
