package io.perdura.sdk.internal.replay;

import io.perdura.common.command.Command;
import io.perdura.common.history.EventAttributes.*;
import io.perdura.common.history.EventType;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.model.Failure;
import io.perdura.sdk.failure.PerduraFailure;
import io.perdura.sdk.internal.common.DataConverter;
import io.perdura.sdk.internal.common.FailureConverter;
import io.perdura.sdk.internal.statemachines.ActivityStateMachine;
import io.perdura.sdk.internal.statemachines.CommandStateMachine;
import io.perdura.sdk.internal.statemachines.CompletionStateMachine;
import io.perdura.sdk.internal.statemachines.TimerStateMachine;
import io.perdura.sdk.workflow.WorkflowInfo;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

/**
 * One workflow run rebuilt by replay. It walks the history from where it stopped: at each
 * WorkflowTaskStarted that history shows completed it runs the workflow code until every coroutine
 * blocks and matches the commands against the recorded command events; a task that failed or timed
 * out is skipped; the last WorkflowTaskStarted is the task to answer. Kept in the worker's cache
 * between tasks, it then only applies the new events.
 */
public final class WorkflowRun {

    private static final Logger log = LoggerFactory.getLogger(WorkflowRun.class);

    private final String namespace;
    private final WorkflowDefinition definition;
    private final WorkflowRunContext context;
    private final DeterministicScheduler scheduler;
    private final List<HistoryEvent> pendingSignals = new ArrayList<>();
    private Object instance;
    private JsonNode input;
    private boolean mainStarted;
    private int cursor;
    private HistoryEvent lastEvent;
    private long answeredStartedEventId = -1;
    private List<CommandStateMachine> unconfirmed = List.of();
    private Throwable taskFailure;

    private WorkflowRun(String namespace, WorkflowDefinition definition, WorkflowInfo info, Duration deadlockTimeout) {
        this.namespace = namespace;
        this.definition = definition;
        this.context = new WorkflowRunContext(info);
        this.scheduler = new DeterministicScheduler(info.workflowId(), deadlockTimeout);
    }

    /** A run to be rebuilt from {@code history}, which starts with WorkflowExecutionStarted. */
    public static WorkflowRun create(
            String namespace,
            WorkflowDefinition definition,
            String workflowId,
            String runId,
            List<HistoryEvent> history,
            Duration deadlockTimeout) {
        if (history.isEmpty() || !(history.getFirst().attributes() instanceof WorkflowExecutionStarted started)) {
            throw new IllegalArgumentException("history must start with WorkflowExecutionStarted");
        }
        WorkflowInfo info =
                new WorkflowInfo(namespace, workflowId, runId, started.workflowType(), started.taskQueue(), 1);
        return new WorkflowRun(namespace, definition, info, deadlockTimeout);
    }

    public WorkflowInfo info() {
        return context.info();
    }

    /** Whether the code closed the run (completed or failed the execution). */
    public boolean isClosed() {
        return context.isClosed();
    }

    /** Number of live coroutines (parked virtual threads). */
    public int liveCoroutines() {
        return scheduler.liveCoroutineCount();
    }

    /** Unwinds the run's parked virtual threads. */
    public void destroy() {
        scheduler.destroy();
    }

    /**
     * Answers the workflow task whose WorkflowTaskStarted ends {@code history}.
     *
     * @throws StaleRunException when this (cached) run cannot continue with this history
     */
    public WorkflowTaskResult processWorkflowTask(List<HistoryEvent> history) {
        if (!continuesWith(history) || history.size() <= cursor) {
            throw new StaleRunException("cached run does not match the task's history");
        }
        try {
            return advance(history, true);
        } catch (StaleRunException e) {
            throw e;
        } catch (RuntimeException e) {
            log.warn("workflow task failed while applying history", e);
            return new WorkflowTaskResult.Failed(
                    WorkflowTaskFailedCause.WORKFLOW_WORKER_UNHANDLED_FAILURE, FailureConverter.toFailure(e));
        }
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
            if (advance(history, false) instanceof WorkflowTaskResult.Failed failed) {
                throw new IllegalStateException("cannot replay the workflow to answer the query: "
                        + failed.failure().message());
            }
        }
        Method method = definition.queryMethods().get(queryType);
        if (method == null) {
            throw new IllegalArgumentException(
                    "unknown query type '" + queryType + "' for workflow type " + definition.workflowType()
                            + "; known: " + definition.queryMethods().keySet());
        }
        WorkflowRunContext previous = WorkflowInternal.bind(context);
        context.setQueryMode(true);
        try {
            if (instance == null) {
                instance = definition.factory().get();
            }
            return DataConverter.toPayload(invoke(method, DataConverter.fromPayloads(args, method)));
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

    private WorkflowTaskResult advance(List<HistoryEvent> history, boolean answerLastTask) {
        int i = cursor;
        int size = history.size();
        while (i < size) {
            HistoryEvent event = history.get(i);
            HistoryEvent next = i + 1 < size ? history.get(i + 1) : null;
            switch (event.attributes()) {
                case WorkflowExecutionStarted started -> {
                    input = started.input();
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
                    runEventLoop();
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
                    runEventLoop();
                    context.endReplayedTask();
                    if (context.nonDeterminism() != null || taskFailure != null) {
                        return failure();
                    }
                    i = j;
                }
                case WorkflowTaskStarted started -> i++; // failed or timed out: it produced nothing
                case WorkflowExecutionSignaled signaled -> {
                    pendingSignals.add(event);
                    i++;
                }
                case ActivityTaskStarted a -> i = applyActivityEvent(a.scheduledEventId(), event, i);
                case ActivityTaskCompleted a -> i = applyActivityEvent(a.scheduledEventId(), event, i);
                case ActivityTaskFailed a -> i = applyActivityEvent(a.scheduledEventId(), event, i);
                case ActivityTaskTimedOut a -> i = applyActivityEvent(a.scheduledEventId(), event, i);
                case TimerFired fired -> {
                    TimerStateMachine timer = context.timer(fired.timerId());
                    if (timer == null) {
                        throw new IllegalStateException("TimerFired for unknown timer " + fired.timerId());
                    }
                    timer.handleFired();
                    i++;
                }
                default -> {
                    if (event.eventType().isCommandEvent()) {
                        throw new IllegalStateException("command event " + event.eventType() + " at eventId "
                                + event.eventId() + " does not follow a completed workflow task");
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

    private int applyActivityEvent(long scheduledEventId, HistoryEvent event, int index) {
        ActivityStateMachine activity = context.activity(scheduledEventId);
        if (activity == null) {
            throw new IllegalStateException(
                    event.eventType() + " at eventId " + event.eventId() + " for unknown activity " + scheduledEventId);
        }
        activity.handleEvent(event);
        return index + 1;
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
            context.confirm(machine, history.get(j++));
        }
        if (j < history.size() && history.get(j).eventType().isCommandEvent()) {
            throw new StaleRunException("history records more commands than were sent");
        }
        unconfirmed = List.of();
        answeredStartedEventId = -1;
        return j;
    }

    private void moveCursor(List<HistoryEvent> history, int index) {
        cursor = index;
        lastEvent = index > 0 ? history.get(index - 1) : null;
    }

    private WorkflowTaskResult finishNewTask(long startedEventId) {
        if (context.nonDeterminism() != null || taskFailure != null) {
            return failure();
        }
        unconfirmed = context.takeNewCommands();
        answeredStartedEventId = startedEventId;
        List<Command> commands =
                unconfirmed.stream().map(CommandStateMachine::command).toList();
        return new WorkflowTaskResult.Completed(commands);
    }

    private WorkflowTaskResult failure() {
        if (context.nonDeterminism() != null) {
            String message = "Non-deterministic workflow " + definition.workflowType() + " (workflowId="
                    + context.info().workflowId() + "): " + context.nonDeterminism();
            return new WorkflowTaskResult.Failed(
                    WorkflowTaskFailedCause.NON_DETERMINISTIC_ERROR,
                    Failure.application("NonDeterministicWorkflowError", message, false));
        }
        return new WorkflowTaskResult.Failed(
                WorkflowTaskFailedCause.WORKFLOW_WORKER_UNHANDLED_FAILURE, FailureConverter.toFailure(taskFailure));
    }

    private void runEventLoop() {
        WorkflowRunContext previous = WorkflowInternal.bind(context);
        try {
            if (instance == null) {
                instance = definition.factory().get();
            }
            for (HistoryEvent signal : pendingSignals) {
                spawnSignalHandler(signal.attributes(WorkflowExecutionSignaled.class));
            }
            pendingSignals.clear();
            if (!mainStarted) {
                mainStarted = true;
                scheduler.spawn("main", inContext(this::runMain));
            }
            scheduler.runUntilBlocked(context::shouldStop);
        } catch (DeterministicScheduler.CoroutineFailedException e) {
            Throwable cause = e.getCause();
            if (cause instanceof PerduraFailure) {
                Command fail = new Command.FailWorkflowExecution(FailureConverter.toFailure(cause));
                context.close(new CompletionStateMachine(fail));
            } else {
                taskFailure = cause;
            }
        } catch (RuntimeException e) {
            taskFailure = e;
        } finally {
            WorkflowInternal.restore(previous);
        }
    }

    private void runMain() {
        Method method = definition.workflowMethod();
        Object result = invoke(method, DataConverter.fromPayloads(input, method));
        Command complete = new Command.CompleteWorkflowExecution(DataConverter.toPayload(result));
        context.close(new CompletionStateMachine(complete));
    }

    private void spawnSignalHandler(WorkflowExecutionSignaled signal) {
        Method method = definition.signalMethods().get(signal.signalName());
        if (method == null) {
            log.warn(
                    "dropping signal '{}': workflow type {} has no such @SignalMethod",
                    signal.signalName(),
                    definition.workflowType());
            return;
        }
        Object[] args = DataConverter.fromPayloads(signal.input(), method);
        scheduler.spawn("signal-" + signal.signalName(), inContext(() -> invoke(method, args)));
    }

    private Runnable inContext(Runnable body) {
        WorkflowInfo info = context.info();
        return () -> {
            WorkflowInternal.bind(context);
            MDC.put("namespace", namespace);
            MDC.put("workflowId", info.workflowId());
            MDC.put("runId", info.runId());
            MDC.put("taskQueue", info.taskQueue());
            try {
                body.run();
            } finally {
                MDC.clear();
            }
        };
    }

    private Object invoke(Method method, Object[] args) {
        try {
            method.setAccessible(true);
            return method.invoke(instance, args);
        } catch (InvocationTargetException e) {
            throw WorkflowRun.<RuntimeException>sneaky(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + method, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
