package io.perdura.history.engine;

import io.perdura.common.command.Command.StartChildWorkflowExecution;
import io.perdura.common.error.PerduraException;
import io.perdura.common.history.EventAttributes.StartChildWorkflowExecutionInitiated;
import io.perdura.common.model.ParentClosePolicy;
import io.perdura.common.model.WorkflowIdReusePolicy;
import io.perdura.history.mutablestate.ChildExecutionInfo;
import io.perdura.history.mutablestate.MutableState;
import io.perdura.history.persistence.TransferTaskType;
import java.time.Duration;
import java.util.Set;

/**
 * StartChildWorkflowExecution: StartChildWorkflowExecutionInitiated, a pending child (INITIATED) and
 * the START_CHILD_EXECUTION row that starts it (ADR 13). Children live in the parent's namespace.
 */
final class ChildCommands {

    private ChildCommands() {}

    static String validateStart(StartChildWorkflowExecution c, MutableState state, Set<String> ids) {
        String namespaceProblem = ExternalCommands.validateNamespace(c.namespace(), state);
        if (namespaceProblem != null) {
            return namespaceProblem;
        }
        if (c.workflowId() == null || c.workflowId().isBlank()) {
            return "workflowId is required";
        }
        if (c.workflowType() == null || c.workflowType().isBlank()) {
            return "workflowType is required";
        }
        if (state.hasChildWorkflowId(c.workflowId()) || !ids.add(c.workflowId())) {
            return "a child with workflowId " + c.workflowId() + " is already pending";
        }
        if (c.input() != null && !c.input().isNull() && !c.input().isArray()) {
            return "input must be a JSON array";
        }
        for (Duration d :
                new Duration[] {c.workflowExecutionTimeout(), c.workflowRunTimeout(), c.workflowTaskTimeout()}) {
            if (d != null && d.isNegative()) {
                return "timeouts must not be negative";
            }
        }
        if (c.memo() != null && !c.memo().isNull() && !c.memo().isObject()) {
            return "memo must be a JSON object";
        }
        if (c.header() != null && !c.header().isObject()) {
            return "header must be a JSON object";
        }
        if (c.cronSchedule() != null && !c.cronSchedule().isBlank()) {
            try {
                CronSchedule.parse(c.cronSchedule());
            } catch (PerduraException e) {
                return e.getMessage();
            }
        }
        return null;
    }

    static void start(RunUpdate update, StartChildWorkflowExecution c, long completedId) {
        MutableState state = update.state();
        var execution = state.execution();
        String namespace = execution.key().namespace();
        String taskQueue = c.taskQueue() == null || c.taskQueue().isBlank() ? execution.taskQueue() : c.taskQueue();
        ParentClosePolicy policy = c.parentClosePolicy() == null ? ParentClosePolicy.TERMINATE : c.parentClosePolicy();
        WorkflowIdReusePolicy reuse =
                c.workflowIdReusePolicy() == null ? WorkflowIdReusePolicy.ALLOW_DUPLICATE : c.workflowIdReusePolicy();
        long initiatedId = update.addEvent(new StartChildWorkflowExecutionInitiated(
                namespace,
                c.workflowId(),
                c.workflowType(),
                taskQueue,
                StartWorkflowHandler.input(c.input()),
                c.workflowExecutionTimeout(),
                c.workflowRunTimeout(),
                c.workflowTaskTimeout(),
                policy,
                completedId,
                reuse,
                c.retryPolicy(),
                c.cronSchedule() == null || c.cronSchedule().isBlank() ? null : c.cronSchedule(),
                c.memo() == null || c.memo().isNull() ? null : c.memo(),
                c.header()));
        state.addChild(
                new ChildExecutionInfo(initiatedId, completedId, namespace, c.workflowId(), c.workflowType(), policy));
        update.transfer(TransferTaskType.START_CHILD_EXECUTION, initiatedId, null);
    }
}
