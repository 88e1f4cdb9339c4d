package io.perdura.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a server holds for idle workflows: its Java heap after a full GC (through {@code jcmd}, so the
 * server needs no agent and no flag) and the bytes under its data directory.
 */
final class HeapProbe {

    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private HeapProbe() {}

    /** Heap in use right after {@code GC.run}, in MiB; -1 when {@code jcmd} cannot reach the process. */
    static long heapAfterGcMiB(long pid) {
        jcmd(pid, "GC.run");
        Matcher used = USED.matcher(jcmd(pid, "GC.heap_info"));
        return used.find() ? Long.parseLong(used.group(1)) / 1024 : -1;
    }

    /** Bytes of every file under {@code dir}, or -1 when there is none. */
    static long bytesUnder(String dir) {
        if (dir == null || dir.isBlank() || !Files.isDirectory(Path.of(dir))) {
            return -1;
        }
        try (Stream<Path> files = Files.walk(Path.of(dir))) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(file -> {
                        try {
                            return Files.size(file);
                        } catch (IOException e) {
                            return 0;
                        }
                    })
                    .sum();
        } catch (IOException e) {
            return -1;
        }
    }

    private static String jcmd(long pid, String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(60, TimeUnit.SECONDS);
            return output;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
