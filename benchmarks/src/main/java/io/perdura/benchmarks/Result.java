package io.perdura.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What one benchmark run measured. */
record Result(
        String peer,
        Workload workload,
        Workload.Mode mode,
        int workflows,
        int failed,
        long elapsedNanos,
        long[] latenciesNanos,
        long[] latenessMillis,
        List<String> workflowIds) {

    int completed() {
        return (int) Arrays.stream(latenciesNanos).filter(l -> l >= 0).count();
    }

    double seconds() {
        return elapsedNanos / 1e9;
    }

    /** Workflows completed (idle-scale: started) per second. */
    double workflowsPerSecond() {
        return completed() / seconds();
    }

    double latencyMillis(double p) {
        long[] sorted =
                Arrays.stream(latenciesNanos).filter(l -> l >= 0).sorted().toArray();
        return percentile(sorted, p) / 1e6;
    }

    /** Timer lateness percentile in ms; NaN for a workload without a timer to measure. */
    double latenessMillis(double p) {
        return percentile(
                Arrays.stream(latenessMillis).filter(l -> l >= 0).sorted().toArray(), p);
    }

    String report(long historyEvents) {
        double seconds = seconds();
        StringBuilder report = new StringBuilder(String.format(
                Locale.ROOT,
                "peer=%s workload=%s mode=%s completed=%d failed=%d elapsed=%.2fs%n",
                peer,
                workload.name(),
                mode.name().toLowerCase(Locale.ROOT),
                completed(),
                failed,
                seconds));
        if (workload.awaitsResult()) {
            report.append(String.format(
                    Locale.ROOT,
                    "workflows/s=%.1f activities/s=%.1f history-events/s=%.1f (events=%d)%n",
                    workflowsPerSecond(),
                    workflowsPerSecond() * workload.activities(),
                    historyEvents / seconds,
                    historyEvents));
        } else {
            report.append(String.format(Locale.ROOT, "started/s=%.1f%n", workflowsPerSecond()));
        }
        report.append(String.format(
                Locale.ROOT,
                "%s ms: p50=%.1f p95=%.1f p99=%.1f max=%.1f",
                workload.awaitsResult() ? "start-to-result latency" : "start latency",
                latencyMillis(0.50),
                latencyMillis(0.95),
                latencyMillis(0.99),
                latencyMillis(1.0)));
        if (!Double.isNaN(latenessMillis(0.5))) {
            report.append(String.format(
                    Locale.ROOT,
                    "%ntimer lateness ms: p50=%.0f p99=%.0f max=%.0f",
                    latenessMillis(0.50),
                    latenessMillis(0.99),
                    latenessMillis(1.0)));
        }
        return report.toString();
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }
}
