package io.perdura.history.engine;

import io.perdura.common.api.StickyExecutionAttributes;
import io.perdura.history.mutablestate.ExecutionInfo;
import io.perdura.history.mutablestate.MutableState;
import io.perdura.history.mutablestate.WorkflowTaskInfo;
import io.perdura.history.persistence.TimerTask;
import io.perdura.history.persistence.TimerTaskType;
import io.perdura.history.persistence.TransferTaskType;
import java.time.Duration;

/**
 * Sticky execution (ADR 28, as in Temporal): the worker that answered a run's last workflow task
 * keeps the run cached and names its own task queue; the run's next tasks go there carrying only
 * the events after the last one that worker saw. A task no poll takes within the sticky
 * schedule-to-start timeout (a durable timer row), and every task after a failed or timed-out one,
 * goes to the run's normal task queue with the whole history.
 */
final class StickyExecution {

    /** Temporal's default sticky schedule-to-start timeout, for an answer that names none. */
    static final Duration DEFAULT_SCHEDULE_TO_START_TIMEOUT = Duration.ofSeconds(5);

    private StickyExecution() {}

    /**
     * Records what the worker answering {@code task} asked for: its sticky queue (it has seen the
     * events up to the task's WorkflowTaskStarted), or none.
     */
    static void answered(ExecutionInfo execution, WorkflowTaskInfo task, StickyExecutionAttributes sticky) {
        if (sticky == null || sticky.workerTaskQueue() == null || task.hasUnwrittenEvents()) {
            execution.clearSticky();
            return;
        }
        Duration timeout = sticky.scheduleToStartTimeout() == null
                ? DEFAULT_SCHEDULE_TO_START_TIMEOUT
                : sticky.scheduleToStartTimeout();
        execution.stick(sticky.workerTaskQueue(), timeout, task.startedEventId());
    }

    /**
     * Dispatches a just scheduled first-attempt task: to the sticky queue with its timeout timer when
     * the run has one, else to the normal queue.
     */
    static void dispatch(RunUpdate update, WorkflowTaskInfo task) {
        ExecutionInfo execution = update.state().execution();
        String sticky = execution.stickyTaskQueue();
        if (sticky == null || task.hasUnwrittenEvents()) {
            update.transfer(TransferTaskType.WORKFLOW_TASK, task.taskQueue(), task.scheduledEventId(), task.attempt());
            return;
        }
        long timerTaskId = update.timer(
                TimerTaskType.WORKFLOW_TASK_STICKY_TIMEOUT,
                update.now().plus(execution.stickyScheduleToStartTimeout()),
                task.scheduledEventId(),
                task.attempt(),
                sticky);
        task.dispatchSticky(sticky, timerTaskId);
        update.transfer(TransferTaskType.WORKFLOW_TASK, sticky, task.scheduledEventId(), task.attempt());
    }

    /** A worker took the task: its sticky timeout no longer matters. */
    static void started(RunUpdate update, WorkflowTaskInfo task) {
        update.deleteTimer(task.scheduleToStartTimerTaskId());
    }

    /**
     * The first event a task started from {@code polledQueue} carries: after the last event the
     * sticky worker saw when the poll came from the run's sticky queue, else 1 (the whole history).
     */
    static long firstEventId(MutableState state, WorkflowTaskInfo task, String polledQueue) {
        ExecutionInfo execution = state.execution();
        if (polledQueue == null
                || task.hasUnwrittenEvents()
                || !polledQueue.equals(execution.stickyTaskQueue())
                || execution.stickyLastEventId() <= 0
                || execution.stickyLastEventId() >= task.startedEventId()) {
            return 1;
        }
        return execution.stickyLastEventId() + 1;
    }

    /** The sticky worker did not take the task in time: it goes to the normal queue, whole history. */
    static void timeoutFired(RunUpdate update, TimerTask timer) {
        MutableState state = update.state();
        WorkflowTaskInfo task = state.workflowTask();
        if (task == null
                || task.state() != WorkflowTaskInfo.State.SCHEDULED
                || !task.isOnStickyQueue()
                || task.scheduledEventId() != timer.eventId()
                || task.attempt() != timer.attempt()
                || task.scheduleToStartTimerTaskId() != timer.taskId()) {
            update.noChange();
            return;
        }
        state.execution().clearSticky();
        task.dispatchNormal();
        update.transfer(TransferTaskType.WORKFLOW_TASK, task.taskQueue(), task.scheduledEventId(), task.attempt());
    }
}
