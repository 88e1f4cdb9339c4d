package io.perdura.benchmarks;

import io.perdura.sdk.client.WorkflowClient;
import io.perdura.sdk.client.WorkflowClientOptions;
import io.perdura.sdk.client.WorkflowOptions;
import io.perdura.sdk.client.WorkflowStub;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs N workflows of one workload against a running server with W concurrent starters and prints
 * workflows completed per second, history events per second and start-to-result latency
 * percentiles.
 *
 * <pre>
 * java -jar benchmarks/target/perdura-benchmarks.jar --target=http://127.0.0.1:7233 \
 *     --workload=one-activity --workflows=2000 --concurrency=32 [--server-pid=PID]
 * </pre>
 */
public final class LoadGenerator {

    private LoadGenerator() {}

    public static void main(String[] args) throws Exception {
        BenchmarkOptions options = BenchmarkOptions.parse(args);
        WorkflowClient client = WorkflowClient.newInstance(WorkflowClientOptions.builder()
                .setTarget(options.target())
                .setNamespace(options.namespace())
                .build());
        Workload workload = Workload.named(options.workload());
        System.out.printf(
                "workload=%s workflows=%d concurrency=%d target=%s%n",
                workload.name(), options.workflows(), options.concurrency(), options.target());

        if (options.warmup() > 0) {
            run(client, workload, options.warmup(), options.concurrency(), options.taskQueue());
        }
        ProcessStats serverBefore = options.serverPid() > 0 ? ProcessStats.of(options.serverPid()) : null;
        ProcessStats selfBefore = ProcessStats.of(ProcessHandle.current().pid());
        Result result = run(client, workload, options.workflows(), options.concurrency(), options.taskQueue());
        ProcessStats selfAfter = ProcessStats.of(ProcessHandle.current().pid());
        ProcessStats serverAfter = serverBefore == null ? null : ProcessStats.of(options.serverPid());
        long events = historyEvents(client, result.workflowIds());
        System.out.println(result.report(events));
        if (serverAfter != null) {
            System.out.println(serverAfter.since(serverBefore, "server"));
        }
        System.out.println(selfAfter.since(selfBefore, "load-generator"));
        if (result.failed() > 0) {
            System.exit(1);
        }
    }

    static Result run(WorkflowClient client, Workload workload, int workflows, int concurrency, String taskQueue)
            throws Exception {
        String runTag = UUID.randomUUID().toString().substring(0, 8);
        long[] latenciesNanos = new long[workflows];
        List<String> ids = new ArrayList<>(workflows);
        AtomicInteger failed = new AtomicInteger();
        Semaphore inFlight = new Semaphore(concurrency);
        long begin = System.nanoTime();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>(workflows);
            for (int i = 0; i < workflows; i++) {
                int index = i;
                String workflowId = "bench-" + workload.name() + "-" + runTag + "-" + i;
                ids.add(workflowId);
                inFlight.acquire();
                futures.add(executor.submit(() -> {
                    try {
                        long started = System.nanoTime();
                        WorkflowStub stub = client.newUntypedWorkflowStub(
                                workload.workflowType(),
                                WorkflowOptions.builder()
                                        .setWorkflowId(workflowId)
                                        .setTaskQueue(taskQueue)
                                        .build());
                        stub.start(workload.input(index));
                        workload.drive(client, workflowId);
                        Object value = stub.getResult(Duration.ofMinutes(5), Object.class);
                        workload.check(value, index);
                        latenciesNanos[index] = System.nanoTime() - started;
                    } catch (RuntimeException e) {
                        if (failed.incrementAndGet() <= 5) {
                            System.err.println(workflowId + " failed: " + e);
                        }
                        latenciesNanos[index] = -1;
                    } finally {
                        inFlight.release();
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
        long elapsed = System.nanoTime() - begin;
        return new Result(workload.name(), workflows, failed.get(), elapsed, latenciesNanos, ids);
    }

    /** History length of every workflow, read after the timed run so it does not load the server. */
    static long historyEvents(WorkflowClient client, List<String> workflowIds) throws Exception {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Semaphore limit = new Semaphore(16);
            List<Future<Long>> lengths = new ArrayList<>();
            for (String id : workflowIds) {
                limit.acquire();
                lengths.add(executor.submit(() -> {
                    try {
                        return client.newUntypedWorkflowStub(id).describe().historyLength();
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
