package io.perdura.common.service;

import io.perdura.common.model.WorkflowExecution;

/**
 * The workflow on whose behalf history asks another workflow to do something: a
 * SignalExternalWorkflowExecution or RequestCancelExternalWorkflowExecution command, or a parent
 * close policy. The target records it in its event (WorkflowExecutionSignaled's {@code
 * externalWorkflowExecution}, WorkflowExecutionCancelRequested's {@code external*} fields).
 *
 * @param namespace the caller's namespace
 * @param execution the caller's run
 * @param initiatedEventId the caller's *Initiated event, 0 for a parent close policy
 * @param childWorkflowOnly whether the target must be a child of {@code execution}: otherwise it is
 *     NOT_FOUND
 */
public record ExternalCaller(
        String namespace, WorkflowExecution execution, long initiatedEventId, boolean childWorkflowOnly) {}
