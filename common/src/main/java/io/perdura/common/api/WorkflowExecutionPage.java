package io.perdura.common.api;

import java.util.List;

/** One page of a workflow list, newest first; {@code nextPageToken} is null on the last page. */
public record WorkflowExecutionPage(List<WorkflowExecutionSummary> executions, String nextPageToken) {}
