package io.perdura.history.engine;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.perdura.common.error.PerduraException;
import io.perdura.common.json.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;

/**
 * A workflow's cron schedule, as Temporal reads it: five fields (minute hour day-of-month month
 * day-of-week, in UTC), a shortcut ({@code @hourly}, {@code @daily}, {@code @weekly}, {@code
 * @monthly}, {@code @yearly}) or {@code @every <duration>} (e.g. {@code @every 30s}).
 */
final class CronSchedule {

    private static final CronParser UNIX = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private final Duration every;
    private final ExecutionTime execution;

    private CronSchedule(Duration every, ExecutionTime execution) {
        this.every = every;
        this.execution = execution;
    }

    /** Parses {@code spec}; INVALID_ARGUMENT naming the problem when it is not a schedule. */
    static CronSchedule parse(String spec) {
        String text = spec.trim();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("@every ")) {
            Duration every;
            try {
                every = Durations.parse(text.substring("@every ".length()).trim());
            } catch (RuntimeException e) {
                throw invalid(spec, "@every needs a duration such as 30s, 5m or 1h");
            }
            if (!every.isPositive()) {
                throw invalid(spec, "@every needs a positive duration");
            }
            return new CronSchedule(every, null);
        }
        String expression = switch (lower) {
            case "@yearly", "@annually" -> "0 0 1 1 *";
            case "@monthly" -> "0 0 1 * *";
            case "@weekly" -> "0 0 * * 0";
            case "@daily", "@midnight" -> "0 0 * * *";
            case "@hourly" -> "0 * * * *";
            default -> text;
        };
        try {
            return new CronSchedule(null, ExecutionTime.forCron(UNIX.parse(expression)));
        } catch (IllegalArgumentException e) {
            throw invalid(spec, e.getMessage());
        }
    }

    /** How long after {@code now} the next run is due (zero or more). */
    Duration delayAfter(Instant now) {
        if (every != null) {
            long period = every.toMillis();
            long next = (now.toEpochMilli() / period + 1) * period;
            return Duration.ofMillis(next - now.toEpochMilli());
        }
        Optional<ZonedDateTime> next = execution.nextExecution(now.atZone(ZoneOffset.UTC));
        return next.map(t -> Duration.between(now, t.toInstant())).orElse(null);
    }

    private static PerduraException invalid(String spec, String reason) {
        return PerduraException.invalidArgument("cronSchedule '" + spec + "' is not a cron schedule: " + reason);
    }
}
