package io.perdura.history.engine;

import io.perdura.common.command.Command.RequestCancelExternalWorkflowExecution;
import io.perdura.common.command.Command.SignalExternalWorkflowExecution;
import io.perdura.common.history.EventAttributes.RequestCancelExternalWorkflowExecutionInitiated;
import io.perdura.common.history.EventAttributes.SignalExternalWorkflowExecutionInitiated;
import io.perdura.common.model.WorkflowExecution;
import io.perdura.history.mutablestate.ExternalRequestInfo;
import io.perdura.history.mutablestate.MutableState;
import io.perdura.history.persistence.TransferTaskType;

/**
 * SignalExternalWorkflowExecution and RequestCancelExternalWorkflowExecution: their *Initiated
 * event, an undelivered request in MutableState and the SIGNAL_EXECUTION / CANCEL_EXECUTION row
 * that delivers it (ADR 13). The target is in the run's namespace; a null run id means its current
 * run.
 */
final class ExternalCommands {

    private ExternalCommands() {}

    /** Null when {@code namespace} is null, blank or the run's own; workflows reach only their own namespace. */
    static String validateNamespace(String namespace, MutableState state) {
        String own = state.execution().key().namespace();
        if (namespace == null || namespace.isBlank() || namespace.equals(own)) {
            return null;
        }
        return "namespace must be this workflow's own (" + own + ")";
    }

    static String validateSignal(SignalExternalWorkflowExecution c, MutableState state) {
        String problem = validateTarget(c.namespace(), c.execution(), state);
        if (problem != null) {
            return problem;
        }
        if (c.signalName() == null || c.signalName().isBlank()) {
            return "signalName is required";
        }
        if (c.input() != null && !c.input().isNull() && !c.input().isArray()) {
            return "input must be a JSON array";
        }
        return null;
    }

    static String validateCancel(RequestCancelExternalWorkflowExecution c, MutableState state) {
        return validateTarget(c.namespace(), c.execution(), state);
    }

    private static String validateTarget(String namespace, WorkflowExecution execution, MutableState state) {
        String problem = validateNamespace(namespace, state);
        if (problem != null) {
            return problem;
        }
        if (execution == null
                || execution.workflowId() == null
                || execution.workflowId().isBlank()) {
            return "execution.workflowId is required";
        }
        return null;
    }

    static void signal(RunUpdate update, SignalExternalWorkflowExecution c, long completedId) {
        String namespace = update.key().namespace();
        WorkflowExecution target = target(c.execution());
        long initiatedId = update.addEvent(new SignalExternalWorkflowExecutionInitiated(
                completedId,
                namespace,
                target,
                c.signalName(),
                StartWorkflowHandler.input(c.input()),
                c.childWorkflowOnly()));
        update.state()
                .addExternalRequest(new ExternalRequestInfo(
                        ExternalRequestInfo.Kind.SIGNAL, initiatedId, completedId, namespace, target));
        update.transfer(TransferTaskType.SIGNAL_EXECUTION, initiatedId, null);
    }

    static void requestCancel(RunUpdate update, RequestCancelExternalWorkflowExecution c, long completedId) {
        String namespace = update.key().namespace();
        WorkflowExecution target = target(c.execution());
        long initiatedId = update.addEvent(new RequestCancelExternalWorkflowExecutionInitiated(
                completedId, namespace, target, c.childWorkflowOnly(), c.reason()));
        update.state()
                .addExternalRequest(new ExternalRequestInfo(
                        ExternalRequestInfo.Kind.CANCEL, initiatedId, completedId, namespace, target));
        update.transfer(TransferTaskType.CANCEL_EXECUTION, initiatedId, null);
    }

    /** The target with a blank run id made null (its current run). */
    private static WorkflowExecution target(WorkflowExecution execution) {
        String runId = execution.runId() == null || execution.runId().isBlank() ? null : execution.runId();
        return new WorkflowExecution(execution.workflowId(), runId);
    }
}
