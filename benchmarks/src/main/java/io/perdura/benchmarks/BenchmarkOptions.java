package io.perdura.benchmarks;

/** Command-line options of the {@link LoadGenerator}. */
record BenchmarkOptions(
        String target,
        String namespace,
        String taskQueue,
        String workload,
        int workflows,
        int concurrency,
        int warmup,
        long serverPid) {

    static BenchmarkOptions parse(String... args) {
        String target = "http://127.0.0.1:7233";
        String namespace = "default";
        String taskQueue = "samples";
        String workload = "one-activity";
        int workflows = 2000;
        int concurrency = 32;
        int warmup = 200;
        long serverPid = 0;
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            if (pair.length != 2) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            switch (pair[0]) {
                case "target" -> target = pair[1];
                case "namespace" -> namespace = pair[1];
                case "task-queue" -> taskQueue = pair[1];
                case "workload" -> workload = pair[1];
                case "workflows" -> workflows = Integer.parseInt(pair[1]);
                case "concurrency" -> concurrency = Integer.parseInt(pair[1]);
                case "warmup" -> warmup = Integer.parseInt(pair[1]);
                case "server-pid" -> serverPid = Long.parseLong(pair[1]);
                default -> throw new IllegalArgumentException("unknown option --" + pair[0]);
            }
        }
        return new BenchmarkOptions(target, namespace, taskQueue, workload, workflows, concurrency, warmup, serverPid);
    }
}
