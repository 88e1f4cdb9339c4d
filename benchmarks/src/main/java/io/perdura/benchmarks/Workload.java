package io.perdura.benchmarks;

import java.time.Duration;
import java.util.List;

/**
 * One of the standard workloads. Each names a workflow shape that exists on both sides with the same
 * type, input and result: Perdura's in {@code io.perdura.samples}, Temporal's in {@code
 * io.perdura.benchmarks.temporal.PeerWorkflows}.
 */
sealed interface Workload {

    /** Every workload, in the order {@code scripts/bench-vs-temporal.sh all} runs them. */
    List<String> NAMES =
            List.of("one-activity", "ten-activities", "signal-wait", "timer", "reminder", "light-load", "idle-scale");

    String name();

    String workflowType();

    Object[] input(int index);

    /** Activity executions per workflow, for activities/s. */
    int activities();

    /** Whatever the workload does between start and result (signal-wait sends its signal). */
    default void drive(Peer.Run run) {}

    /** Whether the driver waits for the result; idle-scale only starts. */
    default boolean awaitsResult() {
        return true;
    }

    /** The mode the workload runs in unless {@code --mode} says otherwise. */
    default Mode defaultMode() {
        return Mode.CLOSED;
    }

    /**
     * Fails when a workflow returned something else than the workload expects; answers the timer's
     * lateness in ms for {@code timer}, -1 for the others.
     */
    long check(Object result, int index);

    static Workload named(String name) {
        return switch (name) {
            case "one-activity", "hello" -> new OneActivity();
            case "ten-activities" -> new TenActivities();
            case "signal-wait", "approval" -> new SignalWait();
            case "timer" -> new Timer();
            case "reminder" -> new Reminder();
            case "light-load" -> new LightLoad();
            case "idle-scale" -> new IdleScale();
            default -> throw new IllegalArgumentException("unknown workload " + name + " " + NAMES);
        };
    }

    /** How the driver offers load. */
    enum Mode {
        /** A fixed number of workflows in flight: a new one starts when one finishes. */
        CLOSED,
        /** A fixed arrival rate, whatever the system's speed. */
        OPEN
    }

    /** {@code Hello}: one activity round trip. */
    record OneActivity() implements Workload {
        @Override
        public String name() {
            return "one-activity";
        }

        @Override
        public String workflowType() {
            return "Hello";
        }

        @Override
        public Object[] input(int index) {
            return new Object[] {"w" + index};
        }

        @Override
        public int activities() {
            return 1;
        }

        @Override
        public long check(Object result, int index) {
            return expect(result, "Hello, w" + index + "!");
        }
    }

    /** {@code TenActivities}: ten sequential activity round trips. */
    record TenActivities() implements Workload {
        @Override
        public String name() {
            return "ten-activities";
        }

        @Override
        public String workflowType() {
            return "TenActivities";
        }

        @Override
        public Object[] input(int index) {
            return new Object[] {"w" + index};
        }

        @Override
        public int activities() {
            return 10;
        }

        @Override
        public long check(Object result, int index) {
            return expect(result, "Hello, w" + index + "!");
        }
    }

    /** {@code Approval}: waits for a signal, sent right after the start. */
    record SignalWait() implements Workload {
        @Override
        public String name() {
            return "signal-wait";
        }

        @Override
        public String workflowType() {
            return "Approval";
        }

        @Override
        public Object[] input(int index) {
            return new Object[] {"r" + index};
        }

        @Override
        public int activities() {
            return 0;
        }

        @Override
        public void drive(Peer.Run run) {
            run.signal("approve", "bench");
        }

        @Override
        public long check(Object result, int index) {
            return expect(result, "approved by bench");
        }
    }

    /** {@code Sleep} for 1 s and nothing else: the timer's lateness. */
    record Timer() implements Workload {
        static final long MILLIS = 1000;

        @Override
        public String name() {
            return "timer";
        }

        @Override
        public String workflowType() {
            return "Sleep";
        }

        @Override
        public Object[] input(int index) {
            return new Object[] {MILLIS};
        }

        @Override
        public int activities() {
            return 0;
        }

        @Override
        public long check(Object result, int index) {
            if (!(result instanceof Number slept) || slept.longValue() < MILLIS) {
                throw new IllegalStateException("expected at least " + MILLIS + " ms of sleep but got " + result);
            }
            return slept.longValue() - MILLIS;
        }
    }

    /** {@code Reminder} with a 1 s sleep, then one activity. */
    record Reminder() implements Workload {
        @Override
        public String name() {
            return "reminder";
        }

        @Override
        public String workflowType() {
            return "Reminder";
        }

        @Override
        public Object[] input(int index) {
            return new Object[] {"t" + index, 1};
        }

        @Override
        public int activities() {
            return 1;
        }

        @Override
        public long check(Object result, int index) {
            return expect(result, "Reminder: t" + index);
        }
    }

    /** {@code Hello} at a fixed arrival rate: start-to-result latency when the system is not saturated. */
    record LightLoad() implements Workload {
        @Override
        public String name() {
            return "light-load";
        }

        @Override
        public String workflowType() {
            return "Hello";
        }

        @Override
        public Object[] input(int index) {
            return new Object[] {"w" + index};
        }

        @Override
        public int activities() {
            return 1;
        }

        @Override
        public Mode defaultMode() {
            return Mode.OPEN;
        }

        @Override
        public long check(Object result, int index) {
            return expect(result, "Hello, w" + index + "!");
        }
    }

    /** {@code Sleep} for a day, started and left: what N sleeping workflows cost the server. */
    record IdleScale() implements Workload {
        static final long MILLIS = Duration.ofDays(1).toMillis();

        @Override
        public String name() {
            return "idle-scale";
        }

        @Override
        public String workflowType() {
            return "Sleep";
        }

        @Override
        public Object[] input(int index) {
            return new Object[] {MILLIS};
        }

        @Override
        public int activities() {
            return 0;
        }

        @Override
        public boolean awaitsResult() {
            return false;
        }

        @Override
        public long check(Object result, int index) {
            return -1;
        }
    }

    private static long expect(Object actual, String expected) {
        if (!expected.equals(actual)) {
            throw new IllegalStateException("expected " + expected + " but got " + actual);
        }
        return -1;
    }
}
