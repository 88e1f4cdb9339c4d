package io.perdura.benchmarks;

import io.perdura.sdk.client.WorkflowClient;

/** One of the standard workloads, run with the samples' workflow types. */
sealed interface Workload {

    String name();

    String workflowType();

    Object[] input(int index);

    /** Whatever the workload does between start and result (signal-wait sends its signal). */
    default void drive(WorkflowClient client, String workflowId) {}

    /** Fails when a workflow returned something else than the workload expects. */
    void check(Object result, int index);

    static Workload named(String name) {
        return switch (name) {
            case "one-activity", "hello" -> new OneActivity();
            case "timer", "reminder" -> new Timer();
            case "signal-wait", "approval" -> new SignalWait();
            default ->
                throw new IllegalArgumentException("unknown workload " + name + " (one-activity, timer, signal-wait)");
        };
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
        public void check(Object result, int index) {
            expect(result, "Hello, w" + index + "!");
        }
    }

    /** {@code Reminder} with a 1 s sleep. */
    record Timer() implements Workload {
        @Override
        public String name() {
            return "timer";
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
        public void check(Object result, int index) {
            expect(result, "Reminder: t" + index);
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
        public void drive(WorkflowClient client, String workflowId) {
            client.newUntypedWorkflowStub(workflowId).signal("approve", "bench");
        }

        @Override
        public void check(Object result, int index) {
            expect(result, "approved by bench");
        }
    }

    private static void expect(Object actual, String expected) {
        if (!expected.equals(actual)) {
            throw new IllegalStateException("expected " + expected + " but got " + actual);
        }
    }
}
