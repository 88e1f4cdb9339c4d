package io.perdura.history.engine;

import io.perdura.common.api.WorkflowTask;
import io.perdura.common.history.EventAttributes.WorkflowTaskScheduled;
import io.perdura.common.history.EventAttributes.WorkflowTaskStarted;
import io.perdura.history.mutablestate.ExecutionInfo;
import io.perdura.history.mutablestate.WorkflowTaskInfo;
import io.perdura.history.persistence.TimerTaskType;
import java.util.List;

/**
 * Eager workflow start (ADR 29): a start asking {@code requestEagerExecution} that creates a run
 * writes its first WorkflowTaskScheduled and WorkflowTaskStarted in the start's own transaction, for
 * the starting client (a worker of the run's queue), with no outbox row to matching. The task's
 * start-to-close timer covers a client that dies before answering: the task times out and its retry
 * is dispatched through matching as any other.
 */
final class EagerWorkflowStart {

    private EagerWorkflowStart() {}

    /** Schedules and starts the new run's first workflow task for {@code identity}, undispatched. */
    static void startFirstTask(RunUpdate update, String identity) {
        ExecutionInfo execution = update.state().execution();
        long scheduledId =
                update.addEvent(new WorkflowTaskScheduled(execution.taskQueue(), execution.workflowTaskTimeout(), 1));
        WorkflowTaskInfo task = WorkflowTaskInfo.scheduled(
                scheduledId, 1, execution.taskQueue(), execution.workflowTaskTimeout(), update.now(), null);
        update.state().workflowTask(task);
        long startedId = update.addEvent(new WorkflowTaskStarted(scheduledId, identity, null));
        task.start(startedId, null, identity, update.now());
        task.timeoutTimerTaskId(update.timer(
                TimerTaskType.WORKFLOW_TASK_TIMEOUT,
                update.now().plus(task.startToCloseTimeout()),
                scheduledId,
                task.attempt(),
                null));
    }

    /** The started first task of the run {@code update} created, with the whole (new) history. */
    static WorkflowTask task(RunUpdate update) {
        return WorkflowTaskHandler.workflowTask(
                update.state(), update.state().workflowTask(), List.copyOf(update.events()), null);
    }
}
