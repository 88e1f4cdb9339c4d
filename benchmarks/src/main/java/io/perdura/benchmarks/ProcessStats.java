package io.perdura.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU seconds, peak RSS and live threads of a process, read from Linux's {@code /proc}, so a run can
 * report what each process it was given (the servers', and the load generator's own) spent.
 */
record ProcessStats(String label, long pid, double cpuSeconds, long peakRssKiB, int threads) {

    private static final double CLOCK_TICKS_PER_SECOND = 100.0;

    static ProcessStats of(String label, long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
            double cpu = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS_PER_SECOND;
            long peak = -1;
            int threads = -1;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    peak = Long.parseLong(line.replaceAll("[^0-9]", ""));
                } else if (line.startsWith("Threads:")) {
                    threads = Integer.parseInt(line.replaceAll("[^0-9]", ""));
                }
            }
            return new ProcessStats(label, pid, cpu, peak, threads);
        } catch (IOException | RuntimeException e) {
            return new ProcessStats(label, pid, Double.NaN, -1, -1);
        }
    }

    static ProcessStats self() {
        return of("load-generator", ProcessHandle.current().pid());
    }

    ProcessStats now() {
        return of(label, pid);
    }

    /** CPU milliseconds this process spent since {@code before}, per workflow of the run. */
    double cpuMillisPerWorkflow(ProcessStats before, int workflows) {
        return (cpuSeconds - before.cpuSeconds) * 1000 / Math.max(1, workflows);
    }

    String since(ProcessStats before, int workflows) {
        return String.format(
                "%s pid=%d cpu=%.1fs cpu-ms/wf=%.1f peak-rss=%dMiB threads=%d",
                label,
                pid,
                cpuSeconds - before.cpuSeconds,
                cpuMillisPerWorkflow(before, workflows),
                peakRssKiB / 1024,
                threads);
    }
}
