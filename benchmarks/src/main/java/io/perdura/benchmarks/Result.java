package io.perdura.benchmarks;

import java.util.Arrays;
import java.util.List;

/** What one benchmark run measured. */
record Result(
        String workload,
        int workflows,
        int failed,
        long elapsedNanos,
        long[] latenciesNanos,
        List<String> workflowIds) {

    String report(long historyEvents) {
        long[] sorted =
                Arrays.stream(latenciesNanos).filter(l -> l >= 0).sorted().toArray();
        double seconds = elapsedNanos / 1e9;
        int completed = sorted.length;
        return String.format(
                "workload=%s completed=%d failed=%d elapsed=%.2fs%n"
                        + "workflows/s=%.1f history-events/s=%.1f (events=%d)%n"
                        + "latency ms: p50=%.1f p95=%.1f p99=%.1f max=%.1f",
                workload,
                completed,
                failed,
                seconds,
                completed / seconds,
                historyEvents / seconds,
                historyEvents,
                percentile(sorted, 0.50),
                percentile(sorted, 0.95),
                percentile(sorted, 0.99),
                percentile(sorted, 1.0));
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }
}
