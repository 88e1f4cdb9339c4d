package io.perdura.history.engine;

import io.perdura.common.command.Command;
import io.perdura.common.command.Command.RejectWorkflowUpdate;
import io.perdura.history.mutablestate.MutableState;
import io.perdura.history.mutablestate.UpdateInfo;
import io.perdura.history.mutablestate.WorkflowTaskInfo;
import io.perdura.history.persistence.TransferTaskType;
import java.util.List;

/**
 * Speculative workflow tasks (as in Temporal): a task scheduled only to deliver updates, whose
 * WorkflowTaskScheduled/Started live in MutableState like a transient attempt's (ADR 5), so that an
 * answer that only rejects updates leaves history exactly as it was (ADR 14). It is dispatched to
 * matching like any task; an event that arrives before it starts makes it normal ({@link
 * RunUpdate}); an answer with anything else than rejections, events buffered meanwhile, a failure or
 * a timeout write its events as for a transient attempt.
 */
final class SpeculativeWorkflowTasks {

    private SpeculativeWorkflowTasks() {}

    /**
     * Schedules a speculative task unless a task is pending, the run is closed, or its first task
     * still waits for its backoff (the first task will deliver the updates); true when it did.
     */
    static boolean scheduleIfNone(RunUpdate update) {
        MutableState state = update.state();
        var execution = state.execution();
        if (state.workflowTask() != null || !execution.isOpen() || execution.isInBackoff()) {
            return false;
        }
        long scheduledId = state.nextEventId();
        state.workflowTask(WorkflowTaskInfo.speculative(
                scheduledId, execution.taskQueue(), execution.workflowTaskTimeout(), update.now()));
        update.transfer(TransferTaskType.WORKFLOW_TASK, execution.taskQueue(), scheduledId, 1);
        return true;
    }

    /**
     * After {@code completed} closed: updates that arrived while it ran were not delivered with it,
     * so a speculative task delivers them unless another task is pending. Updates it delivered and
     * left unanswered wait for the next task.
     */
    static void scheduleForUndelivered(RunUpdate update, WorkflowTaskInfo completed) {
        for (UpdateInfo pending : update.state().updates()) {
            if (pending.isAdmitted() && !pending.isDeliveredIn(completed.startedEventId())) {
                scheduleIfNone(update);
                return;
            }
        }
    }

    /**
     * Completes a speculative task without a trace when its answer only rejects updates (or is
     * empty) and no event arrived meanwhile: the task is gone, the rejected updates too, and
     * nothing is written to history. False, changing nothing, otherwise.
     */
    static boolean discards(RunUpdate update, WorkflowTaskInfo task, List<Command> commands) {
        if (!task.isSpeculative()
                || !update.state().bufferedEvents().isEmpty()
                || !commands.stream().allMatch(RejectWorkflowUpdate.class::isInstance)) {
            return false;
        }
        update.deleteTimer(task.timeoutTimerTaskId());
        update.state().workflowTask(null);
        for (Command command : commands) {
            UpdateCommands.reject(update, (RejectWorkflowUpdate) command);
        }
        scheduleForUndelivered(update, task);
        return true;
    }
}
