package io.perdura.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU seconds and peak RSS of a process, read from Linux's {@code /proc}, so a run can report what
 * each process (the server's, and the load generator's own) spent.
 */
record ProcessStats(long pid, double cpuSeconds, long peakRssKiB) {

    private static final double CLOCK_TICKS_PER_SECOND = 100.0;

    static ProcessStats of(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
            double cpu = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS_PER_SECOND;
            long peak = 0;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    peak = Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return new ProcessStats(pid, cpu, peak);
        } catch (IOException | RuntimeException e) {
            return new ProcessStats(pid, Double.NaN, -1);
        }
    }

    String since(ProcessStats before, String label) {
        return String.format(
                "%s pid=%d cpu=%.1fs peak-rss=%dMiB", label, pid, cpuSeconds - before.cpuSeconds, peakRssKiB / 1024);
    }
}
