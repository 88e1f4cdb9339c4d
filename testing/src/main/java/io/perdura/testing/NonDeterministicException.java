package io.perdura.testing;

import java.util.List;

/**
 * Thrown when workflow code does not replay a recorded history: it names the first event where
 * history and code part (event id, type and what identifies it, e.g. {@code
 * ActivityTaskScheduled(activityType=chargeOrder, activityId=3) at eventId 11}) and the command the
 * code produced there instead (or that it no longer produces it), with the workflow type, its ids and
 * the history file. Replaying several histories throws one exception that lists every history that
 * failed ({@link #getFailures()}).
 */
public class NonDeterministicException extends RuntimeException {

    private final String historySource;
    private final String workflowType;
    private final String workflowId;
    private final transient List<RuntimeException> failures;

    NonDeterministicException(String message, String historySource, String workflowType, String workflowId) {
        super(message);
        this.historySource = historySource;
        this.workflowType = workflowType;
        this.workflowId = workflowId;
        this.failures = List.of();
    }

    NonDeterministicException(String message, List<RuntimeException> failures) {
        super(message);
        this.historySource = null;
        this.workflowType = null;
        this.workflowId = null;
        this.failures = List.copyOf(failures);
        failures.forEach(this::addSuppressed);
    }

    /** The history that did not replay (a file path, or a description of the JSON given); null for several. */
    public String getHistorySource() {
        return historySource;
    }

    /** The workflow type of the history; null for several. */
    public String getWorkflowType() {
        return workflowType;
    }

    /** The workflow id the history was replayed as; null for several. */
    public String getWorkflowId() {
        return workflowId;
    }

    /**
     * When several histories were replayed: the failure of each that did not replay (a {@code
     * NonDeterministicException}, or another exception when the code failed the workflow task or the
     * history could not be read); empty for one history.
     */
    public List<RuntimeException> getFailures() {
        return failures;
    }
}
