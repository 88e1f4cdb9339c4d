package io.perdura.history.engine;

import io.perdura.common.api.CompleteWorkflowTaskResponse;
import io.perdura.common.api.TaskToken;
import io.perdura.common.api.WorkflowTask;
import io.perdura.common.command.Command;
import io.perdura.common.error.ErrorType;
import io.perdura.common.error.PerduraException;
import io.perdura.common.history.EventAttributes.WorkflowTaskCompleted;
import io.perdura.common.history.EventAttributes.WorkflowTaskFailed;
import io.perdura.common.history.EventAttributes.WorkflowTaskFailedCause;
import io.perdura.common.history.EventAttributes.WorkflowTaskScheduled;
import io.perdura.common.history.EventAttributes.WorkflowTaskStarted;
import io.perdura.common.history.EventAttributes.WorkflowTaskTimedOut;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.model.Failure;
import io.perdura.common.model.TimeoutType;
import io.perdura.common.model.UpdateRequest;
import io.perdura.common.service.HistoryRequest.RecordWorkflowTaskStarted;
import io.perdura.common.service.HistoryRequest.RespondWorkflowTaskCompleted;
import io.perdura.common.service.HistoryRequest.RespondWorkflowTaskFailed;
import io.perdura.history.mutablestate.MutableState;
import io.perdura.history.mutablestate.WorkflowTaskInfo;
import io.perdura.history.persistence.TimerTask;
import io.perdura.history.persistence.TimerTaskType;
import io.perdura.history.persistence.TransferTaskType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Workflow tasks: record started, complete (commands → events, buffered events, next task), fail
 * and time out, with transient retries (attempt ≥ 2) kept out of history until they complete.
 */
final class WorkflowTaskHandler {

    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final RunExecutor executor;
    private final CommandProcessor commands;

    WorkflowTaskHandler(RunExecutor executor, RunClosing closing) {
        this.executor = executor;
        this.commands = new CommandProcessor(closing);
    }

    WorkflowTask recordStarted(RecordWorkflowTaskStarted request) {
        StartedTask started = executor.update(request.namespace(), request.workflowId(), request.runId(), update -> {
            MutableState state = update.state();
            WorkflowTaskInfo task = state.workflowTask();
            if (!state.execution().isOpen() || task == null || task.scheduledEventId() != request.scheduledEventId()) {
                throw taskNotFound();
            }
            if (task.state() == WorkflowTaskInfo.State.STARTED) {
                if (request.pollRequestId() != null && Objects.equals(task.requestId(), request.pollRequestId())) {
                    update.noChange();
                    return new StartedTask(
                            state,
                            task,
                            UpdateHandler.deliveredWith(state, task),
                            StickyExecution.firstEventId(state, task, request.taskQueue()));
                }
                throw taskNotFound();
            }
            if (task.state() != WorkflowTaskInfo.State.SCHEDULED) {
                throw taskNotFound();
            }
            long startedId = task.hasUnwrittenEvents()
                    ? task.scheduledEventId() + 1
                    : update.addEvent(new WorkflowTaskStarted(
                            task.scheduledEventId(), request.identity(), request.pollRequestId()));
            task.start(startedId, request.pollRequestId(), request.identity(), update.now());
            task.timeoutTimerTaskId(update.timer(
                    TimerTaskType.WORKFLOW_TASK_TIMEOUT,
                    update.now().plus(task.startToCloseTimeout()),
                    task.scheduledEventId(),
                    task.attempt(),
                    null));
            StickyExecution.started(update, task);
            return new StartedTask(
                    state,
                    task,
                    UpdateHandler.deliver(state, task),
                    StickyExecution.firstEventId(state, task, request.taskQueue()));
        });
        return toWorkflowTask(started);
    }

    /** {@code firstEventId}: the first event the task carries, 1 but for a sticky task (ADR 28). */
    private record StartedTask(
            MutableState state, WorkflowTaskInfo task, List<UpdateRequest> updates, long firstEventId) {}

    private WorkflowTask toWorkflowTask(StartedTask started) {
        WorkflowTaskInfo task = started.task();
        var key = started.state().execution().key();
        List<HistoryEvent> history;
        if (task.hasUnwrittenEvents()) {
            history = new ArrayList<>(executor.history(key.runId(), task.scheduledEventId() - 1));
            history.add(new HistoryEvent(
                    task.scheduledEventId(),
                    task.scheduledTime(),
                    new WorkflowTaskScheduled(task.taskQueue(), task.startToCloseTimeout(), task.attempt())));
            history.add(new HistoryEvent(
                    task.startedEventId(),
                    task.startedTime(),
                    new WorkflowTaskStarted(task.scheduledEventId(), task.identity(), task.requestId())));
        } else {
            history = executor.history(key.runId(), started.firstEventId(), task.startedEventId());
        }
        return workflowTask(started.state(), task, history, started.updates());
    }

    /** The task handed to a worker for the started {@code task}, {@code history} ending with its WorkflowTaskStarted. */
    static WorkflowTask workflowTask(
            MutableState state, WorkflowTaskInfo task, List<HistoryEvent> history, List<UpdateRequest> updates) {
        var execution = state.execution();
        var key = execution.key();
        var token = new TaskToken(
                TaskToken.Kind.WORKFLOW,
                key.namespace(),
                key.workflowId(),
                key.runId(),
                task.taskQueue(),
                task.scheduledEventId(),
                task.startedEventId(),
                task.attempt(),
                null,
                task.startedTime());
        return new WorkflowTask(
                token.encode(),
                key.workflowId(),
                key.runId(),
                execution.workflowType(),
                task.attempt(),
                history,
                null,
                updates);
    }

    CompleteWorkflowTaskResponse completed(RespondWorkflowTaskCompleted request) {
        TaskToken token = requireWorkflowToken(request.token());
        List<Command> taskCommands = request.request().commands() == null
                ? List.of()
                : request.request().commands();
        String identity = request.request().identity();
        Completion completion = executor.update(token.namespace(), token.workflowId(), token.runId(), update -> {
            WorkflowTaskInfo task = currentTask(update.state(), token);
            String problem = commands.validate(taskCommands, update.state());
            if (problem != null) {
                fail(update, task, WorkflowTaskFailedCause.BAD_COMMAND, CommandProcessor.badCommand(problem), identity);
                return new Completion(PerduraException.invalidArgument("BAD_COMMAND: " + problem), null);
            }
            if (SpeculativeWorkflowTasks.discards(update, task, taskCommands)) {
                return Completion.NONE;
            }
            boolean closes = !taskCommands.isEmpty() && taskCommands.getLast().isTerminal();
            if (closes && !update.state().bufferedEvents().isEmpty()) {
                fail(
                        update,
                        task,
                        WorkflowTaskFailedCause.UNHANDLED_COMMAND,
                        Failure.server("new events arrived while the workflow task ran; it runs again with them"),
                        identity);
                return Completion.NONE;
            }
            StickyExecution.answered(
                    update.state().execution(), task, request.request().stickyAttributes());
            writeTransientEvents(update, task);
            long completedId = update.addEvent(
                    new WorkflowTaskCompleted(task.scheduledEventId(), task.startedEventId(), identity));
            update.deleteTimer(task.timeoutTimerTaskId());
            update.state().workflowTask(null);
            commands.apply(update, taskCommands, completedId);
            if (update.flushBufferedEvents()) {
                update.scheduleWorkflowTaskIfNone();
            }
            SpeculativeWorkflowTasks.scheduleForUndelivered(update, task);
            return new Completion(null, new CompleteWorkflowTaskResponse(EagerActivities.start(update, identity)));
        });
        if (completion.rejected() != null) {
            throw completion.rejected();
        }
        return completion.response();
    }

    /** A completion's outcome: refused with {@code rejected}, or recorded with {@code response}. */
    private record Completion(PerduraException rejected, CompleteWorkflowTaskResponse response) {
        static final Completion NONE = new Completion(null, CompleteWorkflowTaskResponse.NONE);
    }

    void failed(RespondWorkflowTaskFailed request) {
        TaskToken token = requireWorkflowToken(request.token());
        var body = request.request();
        executor.update(token.namespace(), token.workflowId(), token.runId(), update -> {
            WorkflowTaskInfo task = currentTask(update.state(), token);
            WorkflowTaskFailedCause cause =
                    body.cause() == null ? WorkflowTaskFailedCause.WORKFLOW_WORKER_UNHANDLED_FAILURE : body.cause();
            Failure failure = body.failure() == null ? Failure.server("workflow task failed") : body.failure();
            fail(update, task, cause, failure, body.identity());
            return null;
        });
    }

    /** The start-to-close timer of a started task fired. */
    void timeoutFired(RunUpdate update, TimerTask timer) {
        WorkflowTaskInfo task = update.state().workflowTask();
        if (task == null
                || task.state() != WorkflowTaskInfo.State.STARTED
                || task.scheduledEventId() != timer.eventId()
                || task.attempt() != timer.attempt()
                || task.timeoutTimerTaskId() != timer.taskId()) {
            update.noChange();
            return;
        }
        task.timeoutTimerTaskId(0);
        fail(update, task, null, timeoutFailure(), null);
    }

    /** The backoff timer of a transient retry fired: dispatch it. */
    void backoffFired(RunUpdate update, TimerTask timer) {
        WorkflowTaskInfo task = update.state().workflowTask();
        if (task == null
                || task.state() != WorkflowTaskInfo.State.BACKOFF
                || task.scheduledEventId() != timer.eventId()
                || task.attempt() != timer.attempt()) {
            update.noChange();
            return;
        }
        task.dispatch(update.now());
        update.transfer(TransferTaskType.WORKFLOW_TASK, task.taskQueue(), task.scheduledEventId(), task.attempt());
    }

    /**
     * Fails the current task ({@code cause} null: timed out). Attempt 1 writes its failure and
     * schedules transient attempt 2; a transient attempt's failure is kept in MutableState only and
     * the next attempt waits {@code min(2^(n-3) s, 10 s)} from attempt 3 on.
     */
    private void fail(
            RunUpdate update, WorkflowTaskInfo task, WorkflowTaskFailedCause cause, Failure failure, String identity) {
        MutableState state = update.state();
        var execution = state.execution();
        update.deleteTimer(task.timeoutTimerTaskId());
        state.workflowTask(null);
        execution.clearSticky(); // the worker dropped the run from its cache: the retry replays it in full
        if (cause == WorkflowTaskFailedCause.UNHANDLED_COMMAND || !task.isTransient()) {
            writeTransientEvents(update, task);
            if (cause == null) {
                update.addEvent(new WorkflowTaskTimedOut(
                        task.scheduledEventId(), task.startedEventId(), TimeoutType.START_TO_CLOSE));
            } else {
                update.addEvent(new WorkflowTaskFailed(
                        task.scheduledEventId(), task.startedEventId(), cause, failure, identity));
            }
            update.flushBufferedEvents();
            if (cause == WorkflowTaskFailedCause.UNHANDLED_COMMAND) {
                update.scheduleWorkflowTaskIfNone();
                return;
            }
            long scheduledId = state.nextEventId();
            state.workflowTask(WorkflowTaskInfo.scheduled(
                    scheduledId, 2, execution.taskQueue(), execution.workflowTaskTimeout(), update.now(), failure));
            update.transfer(TransferTaskType.WORKFLOW_TASK, execution.taskQueue(), scheduledId, 2);
            return;
        }
        int next = task.attempt() + 1;
        Duration delay = backoff(next);
        state.workflowTask(WorkflowTaskInfo.backoff(
                task.scheduledEventId(),
                next,
                execution.taskQueue(),
                execution.workflowTaskTimeout(),
                update.now(),
                failure));
        update.timer(
                TimerTaskType.WORKFLOW_TASK_BACKOFF, update.now().plus(delay), task.scheduledEventId(), next, null);
    }

    /** Delay before transient attempt {@code attempt}: none for 2, then 1 s, 2 s, 4 s … capped at 10 s. */
    static Duration backoff(int attempt) {
        if (attempt < 3) {
            return Duration.ZERO;
        }
        int exponent = Math.min(attempt - 3, 10);
        Duration delay = Duration.ofSeconds(1L << exponent);
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }

    /**
     * Writes the scheduled/started events of a transient or speculative attempt that is now being
     * closed, with the times the worker saw them with (the started time is the workflow's time in
     * that task, so a replay must find the same).
     */
    private static void writeTransientEvents(RunUpdate update, WorkflowTaskInfo task) {
        if (!task.hasUnwrittenEvents() || task.state() != WorkflowTaskInfo.State.STARTED) {
            return;
        }
        long scheduledId = update.addEvent(
                task.scheduledTime(),
                new WorkflowTaskScheduled(task.taskQueue(), task.startToCloseTimeout(), task.attempt()));
        long startedId = update.addEvent(
                task.startedTime(), new WorkflowTaskStarted(scheduledId, task.identity(), task.requestId()));
        if (scheduledId != task.scheduledEventId() || startedId != task.startedEventId()) {
            throw new PerduraException(
                    ErrorType.INTERNAL,
                    "transient workflow task ids moved: expected " + task.scheduledEventId() + "/"
                            + task.startedEventId() + ", got " + scheduledId + "/" + startedId);
        }
    }

    private static WorkflowTaskInfo currentTask(MutableState state, TaskToken token) {
        WorkflowTaskInfo task = state.workflowTask();
        if (!state.execution().isOpen()
                || task == null
                || !task.isCurrent(
                        token.scheduledEventId(), token.startedEventId(), token.attempt(), token.startedTime())) {
            throw taskNotFound();
        }
        return task;
    }

    private static TaskToken requireWorkflowToken(TaskToken token) {
        if (token == null || token.kind() != TaskToken.Kind.WORKFLOW) {
            throw PerduraException.invalidArgument("not a workflow task token");
        }
        return token;
    }

    private static Failure timeoutFailure() {
        return new Failure(
                "workflow task START_TO_CLOSE timeout",
                Failure.FailureKind.TIMEOUT,
                null,
                false,
                null,
                null,
                null,
                null,
                TimeoutType.START_TO_CLOSE);
    }

    static PerduraException taskNotFound() {
        return new PerduraException(ErrorType.TASK_NOT_FOUND, "task not found or no longer current");
    }
}
