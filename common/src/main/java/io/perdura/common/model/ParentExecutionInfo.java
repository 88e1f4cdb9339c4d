package io.perdura.common.model;

/**
 * The parent of a child run, as the child's WorkflowExecutionStarted and describe name it: the
 * parent's namespace and run, and the id of the parent's StartChildWorkflowExecutionInitiated event.
 */
public record ParentExecutionInfo(String namespace, WorkflowExecution execution, long initiatedEventId) {}
