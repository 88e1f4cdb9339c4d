package io.perdura.common.api;

import io.perdura.common.model.ParentClosePolicy;

/**
 * A child the run started and that has not closed yet. {@code state} is INITIATED (the start is on
 * its way; {@code runId} null) or STARTED.
 *
 * @param runId the child's first run
 * @param initiatedEventId the parent's StartChildWorkflowExecutionInitiated event
 */
public record PendingChildExecutionInfo(
        String workflowId,
        String runId,
        String workflowType,
        long initiatedEventId,
        ParentClosePolicy parentClosePolicy,
        String state) {}
