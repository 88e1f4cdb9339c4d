package io.perdura.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The one driver both peers get: a closed loop (W workflows in flight, each started when one ends)
 * or an open loop (a fixed arrival rate). Each workflow is started, driven (signal-wait's signal),
 * and waited for, on its own virtual thread; its latency runs from start (open loop: from when it
 * was due, so a late generator cannot hide a slow system) to result.
 */
final class Driver {

    private static final Duration RESULT_TIMEOUT = Duration.ofMinutes(5);

    private final Peer peer;
    private final Workload workload;
    private final String taskQueue;

    Driver(Peer peer, Workload workload, String taskQueue) {
        this.peer = peer;
        this.workload = workload;
        this.taskQueue = taskQueue;
    }

    /** {@code workflows} workflows, at most {@code concurrency} in flight. */
    Result closed(int workflows, int concurrency) throws Exception {
        Semaphore inFlight = new Semaphore(concurrency);
        return run(workflows, Workload.Mode.CLOSED, (index, begin) -> {
            inFlight.acquire();
            return new Admitted(0, inFlight::release);
        });
    }

    /** {@code rate} workflows per second for {@code duration}, however many are in flight. */
    Result open(double rate, Duration duration) throws Exception {
        int workflows = (int) Math.max(1, Math.round(rate * duration.toNanos() / 1e9));
        double intervalNanos = 1e9 / rate;
        return run(workflows, Workload.Mode.OPEN, (index, begin) -> {
            long due = begin + Math.round(index * intervalNanos);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            return new Admitted(due, () -> {});
        });
    }

    /** How the loop admits workflow {@code index}: blocks until it may start. */
    private interface Admission {
        Admitted admit(int index, long beginNanos) throws InterruptedException;
    }

    /** When the workflow was due (0: now), and what to do when it ends. */
    private record Admitted(long dueNanos, Runnable done) {}

    private Result run(int workflows, Workload.Mode mode, Admission admission) throws Exception {
        String runTag = UUID.randomUUID().toString().substring(0, 8);
        long[] latenciesNanos = new long[workflows];
        long[] latenessMillis = new long[workflows];
        List<String> ids = new ArrayList<>(workflows);
        AtomicInteger failed = new AtomicInteger();
        long begin = System.nanoTime();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>(workflows);
            for (int i = 0; i < workflows; i++) {
                int index = i;
                String workflowId = "bench-" + workload.name() + "-" + runTag + "-" + i;
                ids.add(workflowId);
                Admitted admitted = admission.admit(index, begin);
                futures.add(executor.submit(() -> {
                    long started = admitted.dueNanos() != 0 ? admitted.dueNanos() : System.nanoTime();
                    try {
                        Peer.Run run =
                                peer.start(workload.workflowType(), workflowId, taskQueue, workload.input(index));
                        workload.drive(run);
                        latenessMillis[index] =
                                workload.awaitsResult() ? workload.check(run.result(RESULT_TIMEOUT), index) : -1;
                        latenciesNanos[index] = System.nanoTime() - started;
                    } catch (RuntimeException e) {
                        if (failed.incrementAndGet() <= 5) {
                            System.err.println(workflowId + " failed: " + e);
                        }
                        latenciesNanos[index] = -1;
                        latenessMillis[index] = -1;
                    } finally {
                        admitted.done().run();
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
        long elapsed = System.nanoTime() - begin;
        return new Result(
                peer.name(), workload, mode, workflows, failed.get(), elapsed, latenciesNanos, latenessMillis, ids);
    }
}
