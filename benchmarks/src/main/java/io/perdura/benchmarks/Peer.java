package io.perdura.benchmarks;

import java.time.Duration;

/**
 * The system a run drives: Perdura, or its peer Temporal. The driver only starts, signals and waits
 * through this interface, so both sides get the same load from the same code.
 */
interface Peer extends AutoCloseable {

    /** {@code perdura} or {@code temporal}: the first column of every row. */
    String name();

    /** Starts one workflow and returns the handle the driver then signals and waits on. */
    Run start(String workflowType, String workflowId, String taskQueue, Object... args);

    /** Number of events in the workflow's history, read after the timed run. */
    long historyLength(String workflowId);

    @Override
    void close();

    /** One started workflow. */
    interface Run {

        void signal(String signalName, Object arg);

        /** The workflow's result, decoded as a plain value (a string, a number). */
        Object result(Duration timeout);
    }
}
