package io.perdura.common.json;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and formats durations the way Perdura's API writes them: {@code 500ms}, {@code 10s},
 * {@code 1.5s}, {@code 2m}, {@code 1h}, {@code 1d}, or ISO-8601 ({@code PT10S}).
 */
public final class Durations {

    private static final Pattern SHORT = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");

    private Durations() {}

    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty duration");
        }
        String trimmed = text.trim();
        if (trimmed.startsWith("P") || trimmed.startsWith("p")) {
            return Duration.parse(trimmed);
        }
        Matcher matcher = SHORT.matcher(trimmed);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "invalid duration '" + text + "': use e.g. 500ms, 10s, 1.5s, 2m, 1h, 1d or PT10S");
        }
        double amount = Double.parseDouble(matcher.group(1));
        long nanosPerUnit = switch (matcher.group(2)) {
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> 86_400_000_000_000L;
        };
        return Duration.ofNanos(Math.round(amount * nanosPerUnit));
    }

    /** Formats as whole seconds ({@code 10s}) or milliseconds ({@code 1500ms}). */
    public static String format(Duration duration) {
        if (duration.toNanos() % 1_000_000_000L == 0) {
            return duration.toSeconds() + "s";
        }
        return duration.toMillis() + "ms";
    }
}
