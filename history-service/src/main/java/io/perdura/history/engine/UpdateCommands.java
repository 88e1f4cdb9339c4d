package io.perdura.history.engine;

import io.perdura.common.api.UpdateWorkflowResponse;
import io.perdura.common.command.Command.AcceptWorkflowUpdate;
import io.perdura.common.command.Command.CompleteWorkflowUpdate;
import io.perdura.common.command.Command.RejectWorkflowUpdate;
import io.perdura.common.history.EventAttributes.WorkflowExecutionUpdateAccepted;
import io.perdura.common.history.EventAttributes.WorkflowExecutionUpdateCompleted;
import io.perdura.common.model.UpdateMeta;
import io.perdura.common.model.UpdateOutcome;
import io.perdura.history.mutablestate.MutableState;
import io.perdura.history.mutablestate.UpdateInfo;
import io.perdura.history.mutablestate.WorkflowTaskInfo;
import java.util.HashSet;
import java.util.Set;

/**
 * The update commands of one workflow task: validation (an instance per task, in command order) and
 * what each does. AcceptWorkflowUpdate and RejectWorkflowUpdate answer an update delivered with this
 * task, once; CompleteWorkflowUpdate follows its acceptance, in an earlier task or earlier in this one.
 * Accept writes WorkflowExecutionUpdateAccepted, complete WorkflowExecutionUpdateCompleted; reject
 * writes nothing and forgets the update.
 */
final class UpdateCommands {

    private final MutableState state;
    private final Set<String> answered = new HashSet<>();
    private final Set<String> accepted = new HashSet<>();
    private final Set<String> completed = new HashSet<>();

    /** Validates the update commands of a task being completed; the run's task is the one answered. */
    UpdateCommands(MutableState state) {
        this.state = state;
    }

    String validateAccept(AcceptWorkflowUpdate command) {
        String problem = validateAnswer(command.updateId());
        if (problem == null) {
            accepted.add(command.updateId());
        }
        return problem;
    }

    String validateReject(RejectWorkflowUpdate command) {
        String problem = validateAnswer(command.updateId());
        if (problem == null && command.failure() == null) {
            return "failure is required";
        }
        return problem;
    }

    String validateComplete(CompleteWorkflowUpdate command) {
        String updateId = command.updateId();
        UpdateInfo update = known(updateId);
        if (update == null) {
            return unknown(updateId);
        }
        if (update.isCompleted() || !completed.add(updateId)) {
            return "update " + updateId + " is already completed";
        }
        if (update.isAdmitted() && !accepted.contains(updateId)) {
            return "update " + updateId + " must be accepted (AcceptWorkflowUpdate, earlier) before it is completed";
        }
        if (command.failure() != null
                && command.result() != null
                && !command.result().isNull()) {
            return "result and failure exclude each other";
        }
        return null;
    }

    private String validateAnswer(String updateId) {
        UpdateInfo update = known(updateId);
        if (update == null) {
            return unknown(updateId);
        }
        if (!answered.add(updateId)) {
            return "update " + updateId + " is answered twice";
        }
        if (!update.isAdmitted()) {
            return "update " + updateId + " is already accepted";
        }
        WorkflowTaskInfo task = state.workflowTask();
        if (task == null || !update.isDeliveredIn(task.startedEventId())) {
            return "update " + updateId + " was not delivered with this workflow task";
        }
        return null;
    }

    private UpdateInfo known(String updateId) {
        return updateId == null || updateId.isBlank() ? null : state.update(updateId);
    }

    private static String unknown(String updateId) {
        return updateId == null || updateId.isBlank() ? "updateId is required" : "update " + updateId + " is unknown";
    }

    /** WorkflowExecutionUpdateAccepted, with the request the update was delivered with. */
    static void accept(RunUpdate update, AcceptWorkflowUpdate command) {
        UpdateInfo info = update.state().update(command.updateId());
        long eventId = update.addEvent(new WorkflowExecutionUpdateAccepted(
                info.updateId(), info.updateId() + "/request", info.sequencingEventId(), info.request()));
        info.accept(eventId);
        update.updateProgress(UpdateProgress.reached(UpdateWorkflowResponse.accepted(info.updateId())));
    }

    /** WorkflowExecutionUpdateCompleted with the handler's result or failure. */
    static void complete(RunUpdate update, CompleteWorkflowUpdate command) {
        UpdateInfo info = update.state().update(command.updateId());
        UpdateOutcome outcome = command.failure() != null
                ? UpdateOutcome.failure(command.failure())
                : UpdateOutcome.success(command.result());
        long eventId = update.addEvent(new WorkflowExecutionUpdateCompleted(
                new UpdateMeta(info.updateId(), info.identity()), info.acceptedEventId(), outcome));
        info.complete(eventId);
        update.updateProgress(UpdateProgress.reached(
                UpdateWorkflowResponse.completed(info.updateId(), outcome.success(), outcome.failure())));
    }

    /** The update is forgotten: nothing is written, and its caller gets the failure. */
    static void reject(RunUpdate update, RejectWorkflowUpdate command) {
        update.state().removeUpdate(command.updateId());
        update.updateProgress(
                UpdateProgress.reached(UpdateWorkflowResponse.rejected(command.updateId(), command.failure())));
    }
}
