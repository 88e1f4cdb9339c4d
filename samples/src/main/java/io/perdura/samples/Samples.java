package io.perdura.samples;

/** Names shared by the samples. */
public final class Samples {

    /** The task queue every sample runs on. */
    public static final String TASK_QUEUE = "samples";

    private Samples() {}
}
