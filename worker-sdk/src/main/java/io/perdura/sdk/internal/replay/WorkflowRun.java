package io.perdura.sdk.internal.replay;

import io.perdura.common.command.Command;
import io.perdura.common.history.EventAttributes.*;
import io.perdura.common.history.EventType;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.model.Failure;
import io.perdura.common.model.UpdateRequest;
import io.perdura.sdk.common.converter.DataConverter;
import io.perdura.sdk.common.interceptors.WorkerInterceptor;
import io.perdura.sdk.internal.common.FailureConverter;
import io.perdura.sdk.internal.statemachines.CommandStateMachine;
import io.perdura.sdk.workflow.WorkflowInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * One workflow run rebuilt by replay. It walks the history from where it stopped: at each
 * WorkflowTaskStarted that history shows completed it runs the workflow code until every coroutine
 * blocks and matches the commands against the recorded command events; a task that failed or timed
 * out is skipped; the last WorkflowTaskStarted is the task to answer. Other events go to the
 * machine of the command they are about (activity outcomes, fired timers), to signal handlers, or
 * cancel the workflow. The updates delivered with the task to answer run after its events; those a
 * replayed task accepted run again at the same point ({@link Updates}). Kept in the worker's cache
 * between tasks, it then only applies the new events; a history that does not continue from the
 * last event it applied (after a speculative task that only rejected updates, whose event ids the
 * next task reuses) makes it stale, and the worker replays afresh.
 */
public final class WorkflowRun {

    private static final Logger log = LoggerFactory.getLogger(WorkflowRun.class);
    private static final Duration DEFAULT_TASK_TIMEOUT = Duration.ofSeconds(10);

    private final WorkflowDefinition definition;
    private final WorkflowRunContext context;
    private final DeterministicScheduler scheduler;
    private final WorkflowCode code;
    private final LocalActivityRunner localActivityRunner;
    private int cursor;
    private HistoryEvent lastEvent;
    private List<HistoryEvent> appliedHistory = List.of();
    private long answeredStartedEventId = -1;
    private List<CommandStateMachine> unconfirmed = List.of();
    private long taskStartNanos;

    private WorkflowRun(
            WorkflowDefinition definition,
            WorkflowInfo info,
            Duration deadlockTimeout,
            Duration guardWindow,
            LocalActivityRunner localActivityRunner,
            DataConverter dataConverter) {
        this.definition = definition;
        this.localActivityRunner = localActivityRunner;
        this.scheduler = new DeterministicScheduler(info.workflowId(), deadlockTimeout, guardWindow);
        this.context = new WorkflowRunContext(info, scheduler, definition.implementationOptions(), dataConverter);
        this.code = new WorkflowCode(definition, context, scheduler);
    }

    /**
     * A run to be rebuilt from {@code history}, which starts with WorkflowExecutionStarted; it cannot
     * run local activities.
     */
    public static WorkflowRun create(
            String namespace,
            WorkflowDefinition definition,
            String workflowId,
            String runId,
            List<HistoryEvent> history,
            Duration deadlockTimeout) {
        return create(namespace, definition, workflowId, runId, history, deadlockTimeout, null);
    }

    /** A run to be rebuilt from {@code history} whose local activities {@code localActivityRunner} runs. */
    public static WorkflowRun create(
            String namespace,
            WorkflowDefinition definition,
            String workflowId,
            String runId,
            List<HistoryEvent> history,
            Duration deadlockTimeout,
            LocalActivityRunner localActivityRunner) {
        return create(
                namespace,
                definition,
                workflowId,
                runId,
                history,
                deadlockTimeout,
                null,
                localActivityRunner,
                DataConverter.getDefaultInstance());
    }

    /**
     * A run to be rebuilt from {@code history} whose local activities {@code localActivityRunner} runs
     * and whose values {@code dataConverter} converts, its coroutines watched by the sandbox's runtime
     * guard ({@code guardWindow}; null: not watched).
     */
    public static WorkflowRun create(
            String namespace,
            WorkflowDefinition definition,
            String workflowId,
            String runId,
            List<HistoryEvent> history,
            Duration deadlockTimeout,
            Duration guardWindow,
            LocalActivityRunner localActivityRunner,
            DataConverter dataConverter) {
        if (history.isEmpty() || !(history.getFirst().attributes() instanceof WorkflowExecutionStarted started)) {
            throw new IllegalArgumentException("history must start with WorkflowExecutionStarted");
        }
        WorkflowInfo info = new WorkflowInfo(
                namespace,
                workflowId,
                runId,
                started.workflowType(),
                started.taskQueue(),
                started.attempt(),
                started.continuedExecutionRunId(),
                started.firstExecutionRunId() != null ? started.firstExecutionRunId() : runId,
                started.parentWorkflowExecution() == null
                        ? null
                        : started.parentWorkflowExecution().workflowId(),
                started.parentWorkflowExecution() == null
                        ? null
                        : started.parentWorkflowExecution().runId(),
                started.cronSchedule(),
                started.workflowRunTimeout(),
                started.workflowExecutionTimeout(),
                history.getFirst().eventTime() == null
                        ? 0
                        : history.getFirst().eventTime().toEpochMilli());
        return new WorkflowRun(definition, info, deadlockTimeout, guardWindow, localActivityRunner, dataConverter);
    }

    public WorkflowInfo info() {
        return context.info();
    }

    /** Sets the worker's interceptors of this run; call before its first task (ADR 26). */
    public WorkflowRun withInterceptors(List<WorkerInterceptor> interceptors) {
        context.interceptors(interceptors);
        return this;
    }

    /**
     * The history this run was last brought forward with: a sticky task's new events join it (ADR 28).
     */
    public List<HistoryEvent> appliedHistory() {
        return appliedHistory;
    }

    /** Whether the code closed the run (completed, failed, canceled or continued it as new). */
    public boolean isClosed() {
        return context.commands().isClosed();
    }

    /** Number of live coroutines (parked virtual threads). */
    public int liveCoroutines() {
        return scheduler.liveCoroutineCount();
    }

    /** Unwinds the run's parked virtual threads and stops its local activities. */
    public void destroy() {
        context.localActivities().abandon();
        scheduler.destroy();
    }

    /**
     * Answers the workflow task whose WorkflowTaskStarted ends {@code history}.
     *
     * @throws StaleRunException when this (cached) run cannot continue with this history
     */
    public WorkflowTaskResult processWorkflowTask(List<HistoryEvent> history) {
        return processWorkflowTask(history, null);
    }

    /**
     * Answers the workflow task whose WorkflowTaskStarted ends {@code history} and which delivers
     * {@code updates} (null: none), run after its last event before WorkflowTaskStarted (see {@link
     * Updates}).
     *
     * @throws StaleRunException when this (cached) run cannot continue with this history
     */
    public WorkflowTaskResult processWorkflowTask(List<HistoryEvent> history, List<UpdateRequest> updates) {
        taskStartNanos = System.nanoTime();
        if (!continuesWith(history) || history.size() <= cursor) {
            throw new StaleRunException("cached run does not match the task's history");
        }
        try {
            return advance(history, true, updates);
        } catch (StaleRunException e) {
            throw e;
        } catch (NonDeterministicCallException e) {
            return new WorkflowTaskResult.Failed(
                    WorkflowTaskFailedCause.NON_DETERMINISTIC_CALL,
                    Failure.application(NonDeterministicCallException.TYPE, e.getMessage(), false));
        } catch (RuntimeException e) {
            log.warn("workflow task failed while applying history", e);
            return new WorkflowTaskResult.Failed(
                    WorkflowTaskFailedCause.WORKFLOW_WORKER_UNHANDLED_FAILURE, FailureConverter.toFailure(e));
        }
    }

    /**
     * Replays all of {@code history} (a closed run's, say) without answering a task: the failure of a
     * task that could not be replayed (non-determinism …), or null.
     */
    WorkflowTaskResult.Failed replay(List<HistoryEvent> history) {
        if (!continuesWith(history)) {
            throw new StaleRunException("cached run does not match the history");
        }
        return (WorkflowTaskResult.Failed) advance(history, false, null);
    }

    /**
     * Answers a query from the state {@code history} leads to; never produces commands.
     *
     * @throws StaleRunException when this (cached) run cannot continue with this history
     */
    public JsonNode query(List<HistoryEvent> history, String queryType, JsonNode args) {
        if (history.size() >= cursor) {
            if (!continuesWith(history)) {
                throw new StaleRunException("cached run does not match the query's history");
            }
            if (advance(history, false, null) instanceof WorkflowTaskResult.Failed failed) {
                throw new IllegalStateException("cannot replay the workflow to answer the query: "
                        + failed.failure().message());
            }
        }
        WorkflowRunContext previous = WorkflowInternal.bind(context);
        context.setQueryMode(true);
        try {
            return code.query(queryType, args);
        } finally {
            context.setQueryMode(false);
            WorkflowInternal.restore(previous);
        }
    }

    private boolean continuesWith(List<HistoryEvent> history) {
        if (cursor == 0) {
            return true;
        }
        if (history.size() < cursor) {
            return false;
        }
        HistoryEvent same = history.get(cursor - 1);
        return same.eventId() == lastEvent.eventId() && same.eventType() == lastEvent.eventType();
    }

    private WorkflowTaskResult advance(
            List<HistoryEvent> history, boolean answerLastTask, List<UpdateRequest> updates) {
        int i = cursor;
        int size = history.size();
        while (i < size) {
            HistoryEvent event = history.get(i);
            HistoryEvent next = i + 1 < size ? history.get(i + 1) : null;
            switch (event.attributes()) {
                case WorkflowExecutionStarted started -> {
                    code.setInput(started.input());
                    code.setHeader(started.header());
                    i++;
                }
                case WorkflowTaskStarted started
                when event.eventId() == answeredStartedEventId -> {
                    if (next == null) {
                        if (answerLastTask) {
                            throw new StaleRunException("workflow task " + event.eventId() + " was already answered");
                        }
                        moveCursor(history, i);
                        return null;
                    }
                    i = confirmAnsweredTask(history, i, next);
                }
                case WorkflowTaskStarted started
                when next == null -> {
                    if (!answerLastTask) {
                        moveCursor(history, i);
                        return null;
                    }
                    context.beginNewTask(event.eventTime().toEpochMilli());
                    context.updates().deliver(updates);
                    code.runUntilBlocked();
                    context.localActivities()
                            .runNewTask(
                                    localActivityRunner,
                                    workflowTaskTimeout(history, i),
                                    taskStartNanos,
                                    code::runUntilBlocked,
                                    this::taskMustStop);
                    // stay on this WorkflowTaskStarted: the next history confirms the commands sent for it
                    moveCursor(history, i);
                    return finishNewTask(event.eventId());
                }
                case WorkflowTaskStarted started
                when next.eventType() == EventType.WorkflowTaskCompleted -> {
                    int j = i + 2;
                    List<HistoryEvent> commandEvents = new ArrayList<>();
                    while (j < size && history.get(j).eventType().isCommandEvent()) {
                        commandEvents.add(history.get(j++));
                    }
                    context.beginReplayedTask(event.eventId(), event.eventTime().toEpochMilli(), commandEvents);
                    context.updates().replay(commandEvents);
                    code.runUntilBlocked();
                    context.localActivities().replayTask(code::runUntilBlocked, this::taskMustStop);
                    context.commands().endReplayedTask();
                    if (context.commands().nonDeterminism() != null || code.taskFailure() != null) {
                        return failure();
                    }
                    i = j;
                }
                case WorkflowTaskStarted started -> i++; // failed or timed out: it produced nothing
                case WorkflowExecutionSignaled signaled -> {
                    code.signal(signaled);
                    i++;
                }
                case WorkflowExecutionCancelRequested requested -> {
                    context.requestCancellation(requested.cause());
                    i++;
                }
                default -> {
                    if (event.eventType().isCommandEvent()) {
                        throw new IllegalStateException("command event " + event.eventType() + " at eventId "
                                + event.eventId() + " does not follow a completed workflow task");
                    }
                    if (CommandStateMachine.initialEventIdOf(event) > 0) {
                        context.commands().apply(event); // activity outcomes, fired timers …
                    }
                    i++; // WorkflowTaskScheduled/Completed/Failed/TimedOut, run timed out or terminated
                }
            }
        }
        moveCursor(history, size);
        if (answerLastTask) {
            throw new IllegalStateException("history does not end with a WorkflowTaskStarted");
        }
        return null;
    }

    /** Whether the current task's code closed the run, diverged from history or failed the task. */
    private boolean taskMustStop() {
        return context.commands().shouldStop() || code.taskFailure() != null;
    }

    /** The start-to-close timeout of the task started at {@code startedIndex} (10 s when history lacks it). */
    private static Duration workflowTaskTimeout(List<HistoryEvent> history, int startedIndex) {
        for (int i = startedIndex; i >= 0; i--) {
            if (history.get(i).attributes() instanceof WorkflowTaskScheduled scheduled) {
                return scheduled.startToCloseTimeout() != null ? scheduled.startToCloseTimeout() : DEFAULT_TASK_TIMEOUT;
            }
        }
        return DEFAULT_TASK_TIMEOUT;
    }

    /** The task this run answered was completed: its command events must be the commands sent. */
    private int confirmAnsweredTask(List<HistoryEvent> history, int startedIndex, HistoryEvent next) {
        if (next.eventType() != EventType.WorkflowTaskCompleted) {
            throw new StaleRunException("the answered workflow task ended with " + next.eventType());
        }
        int j = startedIndex + 2;
        for (CommandStateMachine machine : unconfirmed) {
            if (j >= history.size() || !machine.matches(history.get(j))) {
                throw new StaleRunException("recorded commands differ from the commands sent");
            }
            context.commands().confirm(machine, history.get(j++));
        }
        if (j < history.size() && history.get(j).eventType().isCommandEvent()) {
            throw new StaleRunException("history records more commands than were sent");
        }
        unconfirmed = List.of();
        answeredStartedEventId = -1;
        return j;
    }

    private void moveCursor(List<HistoryEvent> history, int index) {
        appliedHistory = history;
        cursor = index;
        lastEvent = index > 0 ? history.get(index - 1) : null;
    }

    private WorkflowTaskResult finishNewTask(long startedEventId) {
        if (context.commands().nonDeterminism() != null || code.taskFailure() != null) {
            return failure();
        }
        unconfirmed = context.commands().takeNew();
        answeredStartedEventId = startedEventId;
        // rejected updates leave no event: their answers go first and are not matched against history
        List<Command> commands = new ArrayList<>(context.updates().finishNewTask(isClosed()));
        unconfirmed.stream().map(CommandStateMachine::command).forEach(commands::add);
        return new WorkflowTaskResult.Completed(List.copyOf(commands));
    }

    private WorkflowTaskResult failure() {
        String nonDeterminism = context.commands().nonDeterminism();
        if (nonDeterminism != null) {
            String message = "Non-deterministic workflow " + definition.workflowType() + " (workflowId="
                    + context.info().workflowId() + "): " + nonDeterminism;
            Throwable thrown = code.taskFailure();
            if (thrown != null) {
                // the code stopped short of the recorded commands because it threw: say so
                message += "; the workflow code threw " + thrown.getClass().getName() + ": " + thrown.getMessage();
            }
            return new WorkflowTaskResult.Failed(
                    WorkflowTaskFailedCause.NON_DETERMINISTIC_ERROR,
                    Failure.application("NonDeterministicWorkflowError", message, false));
        }
        if (code.taskFailure() instanceof NonDeterministicCallException guard) {
            return new WorkflowTaskResult.Failed(
                    WorkflowTaskFailedCause.NON_DETERMINISTIC_CALL,
                    Failure.application(NonDeterministicCallException.TYPE, guard.getMessage(), false));
        }
        return new WorkflowTaskResult.Failed(
                WorkflowTaskFailedCause.WORKFLOW_WORKER_UNHANDLED_FAILURE,
                FailureConverter.toFailure(code.taskFailure()));
    }
}
