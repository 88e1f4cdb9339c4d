package io.perdura.common.messaging;

/** The topics services talk over. */
public final class Topics {

    /** Requests to history, keyed by {@code namespace/workflowId}. */
    public static final String HISTORY = "perdura.history";

    /** Requests to matching, keyed by {@code namespace/taskQueue/kind}. */
    public static final String MATCHING = "perdura.matching";

    private Topics() {}
}
