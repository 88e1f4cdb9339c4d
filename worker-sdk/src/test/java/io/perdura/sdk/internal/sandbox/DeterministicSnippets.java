package io.perdura.sdk.internal.sandbox;

import io.perdura.sdk.activity.ActivityInterface;
import io.perdura.sdk.activity.ActivityOptions;
import io.perdura.sdk.workflow.Async;
import io.perdura.sdk.workflow.Promise;
import io.perdura.sdk.workflow.Workflow;
import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Workflow code the sandbox must leave alone: the deterministic ways to do what the catalogue does. */
final class DeterministicSnippets {

    private DeterministicSnippets() {}

    @WorkflowInterface
    public interface Clean {
        @WorkflowMethod
        String run();
    }

    @ActivityInterface
    public interface Clock {
        long now();
    }

    public static class SleepsAndReadsWorkflowTime implements Clean {
        public String run() {
            Workflow.sleep(Duration.ofSeconds(1));
            return Instant.ofEpochMilli(Workflow.currentTimeMillis()).toString();
        }
    }

    public static class SeededRandomAndUuid implements Clean {
        public String run() {
            Random random = Workflow.newRandom();
            Random seeded = new Random(42);
            return Workflow.randomUUID() + " " + random.nextInt(6) + " " + seeded.nextInt();
        }
    }

    public static class OrderedMaps implements Clean {
        private final Map<String, Integer> counts = new LinkedHashMap<>();
        private final TreeMap<String, Integer> sorted = new TreeMap<>();

        public String run() {
            counts.put("a", 1);
            sorted.put("b", 2);
            StringBuilder b = new StringBuilder();
            for (var e : counts.entrySet()) {
                b.append(e.getKey());
            }
            sorted.keySet().forEach(b::append);
            return b.toString();
        }
    }

    public static class Logs implements Clean {
        private static final Logger LOG = LoggerFactory.getLogger(Logs.class);
        private final Logger workflowLog = Workflow.getLogger(Logs.class);

        public String run() {
            LOG.info("starting {}", Workflow.getInfo().workflowId());
            workflowLog.info("replay-aware");
            return "logged";
        }
    }

    record Line(String sku, int quantity) {}

    public static class RecordsStreamsAndLambdas implements Clean {
        public String run() {
            List<Line> lines = new ArrayList<>(List.of(new Line("b", 2), new Line("a", 1)));
            Function<Line, String> label = l -> l.sku() + "x" + l.quantity();
            return lines.stream()
                    .sorted(Comparator.comparing(Line::sku))
                    .map(label)
                    .collect(Collectors.joining(","));
        }
    }

    public static class SideEffectsActivitiesAndAsync implements Clean {
        private final Clock clock = Workflow.newActivityStub(
                Clock.class,
                ActivityOptions.newBuilder()
                        .setStartToCloseTimeout(Duration.ofSeconds(5))
                        .build());

        public String run() {
            long recorded = Workflow.sideEffect(Long.class, System::currentTimeMillis);
            String id = Workflow.sideEffect(
                    String.class, () -> java.util.UUID.randomUUID().toString());
            Promise<Long> later = Async.function(clock::now);
            Workflow.await(() -> later.isCompleted());
            return recorded + id + later.get() + clock.now();
        }
    }

    enum Phase {
        NEW,
        DONE
    }

    public static class EnumsAndSwitches implements Clean {
        private Phase phase = Phase.NEW;
        private static final int LIMIT = 3;

        public String run() {
            String text = switch (phase) {
                case NEW -> "new";
                case DONE -> "done";
            };
            phase = Phase.DONE;
            return text + LIMIT + String.format("%d", Phase.values().length);
        }
    }
}
