package io.perdura.sdk.internal.replay;

import io.perdura.common.command.Command;
import io.perdura.common.history.EventAttributes.TimerStarted;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.model.RetryPolicy;
import io.perdura.sdk.activity.LocalActivityOptions;
import io.perdura.sdk.failure.ActivityFailure;
import io.perdura.sdk.failure.CanceledFailure;
import io.perdura.sdk.internal.statemachines.LocalActivityStateMachine;
import io.perdura.sdk.internal.statemachines.LocalActivityStateMachine.State;
import io.perdura.sdk.internal.statemachines.TimerStateMachine;
import io.perdura.sdk.workflow.Promise;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import tools.jackson.databind.JsonNode;

/**
 * The local activities of a run (ADR 19). In a new workflow task the code runs until every coroutine
 * blocks, the local activities it asked for go to the worker's {@link LocalActivityRunner}, and
 * their outcomes are applied one at a time as they arrive: each adds its LocalActivity marker to the
 * task's commands and completes its promise, and the code runs until blocked again, so a workflow
 * with fast local activities in a row completes in one task. A replayed task applies the outcomes
 * from the markers among its command events, in their order, each once the code blocked, which is
 * where the new task applied them. A retry whose backoff exceeds the local retry threshold, or would
 * end after the task's deadline, waits on a workflow timer and runs in a later task; a task whose
 * deadline (0.8 x its timeout) comes while local activities still run ends with a short heartbeat
 * timer so that a new task picks their outcomes up.
 */
final class LocalActivities {

    static final String HEARTBEAT_TIMER_PREFIX = "LocalActivityHeartbeat-";
    static final Duration HEARTBEAT_TIMER = Duration.ofMillis(1);
    /** The share of the workflow task timeout a task may spend on local activities (Temporal's heartbeat point). */
    private static final double TASK_BUDGET = 0.8;

    private final WorkflowRunContext context;
    private final Commands commands;
    private final Timers timers;
    /** The executions whose outcome is not applied yet, by activity id. */
    private final Map<String, Execution> pending = new LinkedHashMap<>();
    /** What stops each execution the runner runs. */
    private final Map<LocalActivityStateMachine, Runnable> executing = new LinkedHashMap<>();

    private final BlockingQueue<Completion> completions = new LinkedBlockingQueue<>();
    /** Until when (System.nanoTime) a retry may wait inside the current task; between tasks, a moment passed. */
    private volatile long localRetryDeadlineNanos = System.nanoTime();

    private int activitySeq;
    private int heartbeatSeq;

    /** One call of a local activity stub: one execution, or more when retries waited on timers. */
    private record Call(
            String activityId,
            String activityType,
            JsonNode input,
            LocalActivityOptions options,
            Class<?> returnType,
            Type genericReturnType,
            DefaultCancellationScope scope,
            DefaultCompletablePromise<Object> promise,
            JsonNode header) {}

    private record Execution(Call call, LocalActivityStateMachine machine) {}

    private record Completion(LocalActivityStateMachine machine, LocalActivityOutcome outcome) {}

    LocalActivities(WorkflowRunContext context, Commands commands, Timers timers) {
        this.context = context;
        this.commands = commands;
        this.timers = timers;
    }

    /** Calls a local activity in the current scope; the promise completes with its result or its ActivityFailure. */
    Promise<Object> execute(
            String activityType,
            Object[] args,
            LocalActivityOptions options,
            Class<?> returnType,
            Type genericReturnType,
            JsonNode header) {
        Call call = new Call(
                String.valueOf(++activitySeq),
                activityType,
                context.dataConverter().toPayloads(args),
                options,
                returnType,
                genericReturnType,
                DefaultCancellationScope.current(),
                new DefaultCompletablePromise<>(),
                header);
        start(call, 1, 0);
        return call.promise();
    }

    private void start(Call call, int attempt, long originalScheduledTimeMillis) {
        Cancellable[] cancellable = new Cancellable[1];
        LocalActivityStateMachine[] machine = new LocalActivityStateMachine[1];
        machine[0] = new LocalActivityStateMachine(
                call.activityId(),
                call.activityType(),
                call.input(),
                !call.options().isDoNotIncludeArgumentsIntoMarker(),
                attempt,
                originalScheduledTimeMillis,
                (result, failure) -> resolved(call, machine[0], cancellable[0], result, failure));
        pending.put(call.activityId(), new Execution(call, machine[0]));
        machine[0].schedule(commands.isReplaying());
        cancellable[0] = reason -> cancel(machine[0], reason);
        call.scope().register(cancellable[0]);
    }

    private void cancel(LocalActivityStateMachine machine, String reason) {
        if (machine.cancel(reason)) {
            Runnable stop = executing.remove(machine);
            if (stop != null) {
                stop.run(); // its result, should it still come, is dropped
            }
        }
    }

    /** The machine knows its outcome: complete the call, or wait for its retry on a timer. */
    private void resolved(
            Call call,
            LocalActivityStateMachine machine,
            Cancellable cancellable,
            JsonNode result,
            RuntimeException failure) {
        pending.remove(call.activityId());
        Duration backoff = machine.backoff();
        if (failure != null && backoff != null && machine.state() != State.CANCELED) {
            context.deliver("local-activity-backoff", () -> {
                call.scope().unregister(cancellable);
                DefaultCancellationScope.runIn(call.scope(), () -> retryAfter(call, machine, backoff));
            });
            return;
        }
        context.deliver("local-activity", call.promise(), () -> {
            call.scope().unregister(cancellable);
            if (failure != null) {
                call.promise().completeExceptionally(failure);
                return;
            }
            Object value;
            try {
                value = context.dataConverter().fromPayload(result, call.returnType(), call.genericReturnType());
            } catch (RuntimeException e) {
                call.promise().completeExceptionally(e);
                return;
            }
            call.promise().complete(value);
        });
    }

    /** On a workflow coroutine, in the call's scope: a durable timer, then the next attempts. */
    private void retryAfter(Call call, LocalActivityStateMachine previous, Duration backoff) {
        Promise<Void> timer = timers.start(backoff);
        timer.handle((fired, failure) -> {
            if (failure != null) {
                call.promise()
                        .completeExceptionally(new ActivityFailure(
                                call.activityType(),
                                call.activityId(),
                                0,
                                0,
                                null,
                                failure instanceof CanceledFailure
                                        ? failure
                                        : new CanceledFailure("canceled", failure)));
            } else {
                DefaultCancellationScope.runIn(
                        call.scope(),
                        () -> start(call, previous.attempt() + 1, previous.originalScheduledTimeMillis()));
            }
            return null;
        });
    }

    /**
     * The rest of a new workflow task once the code blocked: runs the requested local activities and
     * applies their outcomes one at a time, running the code until blocked after each, until none is
     * left, {@code stop} holds, or the task's deadline passed.
     */
    void runNewTask(
            LocalActivityRunner runner,
            Duration workflowTaskTimeout,
            long taskStartNanos,
            Runnable runUntilBlocked,
            BooleanSupplier stop) {
        long deadline = taskStartNanos + (long) (workflowTaskTimeout.toNanos() * TASK_BUDGET);
        long taskTimeMillis = context.currentTimeMillis();
        localRetryDeadlineNanos = deadline;
        try {
            for (Execution execution : List.copyOf(pending.values())) {
                if (execution.machine().state() == State.WAITING_MARKER) {
                    execution.machine().newTaskStarted();
                }
            }
            while (!stop.getAsBoolean()) {
                if (System.nanoTime() < deadline) {
                    dispatch(runner, workflowTaskTimeout);
                }
                if (executing.isEmpty()) {
                    break;
                }
                Completion next = completions.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (next == null) {
                    break;
                }
                LocalActivityStateMachine machine = next.machine();
                if (executing.remove(machine) == null) {
                    continue; // canceled while it ran: its result is dropped
                }
                LocalActivityOutcome outcome = next.outcome();
                long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - taskStartNanos);
                long time = Math.max(context.currentTimeMillis(), taskTimeMillis + elapsedMillis);
                context.advanceTimeTo(time);
                machine.handleResult(
                        outcome.result(),
                        outcome.failure(),
                        outcome.retryState(),
                        outcome.attempt(),
                        outcome.backoff(),
                        time);
                context.addCommand(machine);
                runUntilBlocked.run();
            }
            if (!stop.getAsBoolean() && hasPending()) {
                startHeartbeatTimer();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for local activities", e);
        } finally {
            localRetryDeadlineNanos = System.nanoTime();
        }
    }

    private void dispatch(LocalActivityRunner runner, Duration workflowTaskTimeout) {
        for (Execution execution : List.copyOf(pending.values())) {
            LocalActivityStateMachine machine = execution.machine();
            if (machine.state() != State.REQUEST_PREPARED) {
                continue;
            }
            if (runner == null) {
                throw new IllegalStateException("local activity " + machine.activityType()
                        + " cannot run: local activities run only on a worker");
            }
            Runnable stopIt = runner.start(
                    request(execution.call(), machine, workflowTaskTimeout),
                    outcome -> completions.add(new Completion(machine, outcome)));
            machine.requestSent();
            executing.put(machine, stopIt);
        }
    }

    private LocalActivityRequest request(Call call, LocalActivityStateMachine machine, Duration workflowTaskTimeout) {
        LocalActivityOptions o = call.options();
        return new LocalActivityRequest(
                context.info(),
                call.activityId(),
                call.activityType(),
                call.input(),
                machine.firstAttempt(),
                machine.originalScheduledTimeMillis(),
                o.getStartToCloseTimeout() != null ? o.getStartToCloseTimeout() : o.getScheduleToCloseTimeout(),
                o.getScheduleToCloseTimeout(),
                o.getRetryOptions() == null
                        ? RetryPolicy.DEFAULT
                        : o.getRetryOptions().toRetryPolicy(),
                o.getLocalRetryThreshold() != null ? o.getLocalRetryThreshold() : workflowTaskTimeout.multipliedBy(3),
                () -> localRetryDeadlineNanos,
                call.header());
    }

    /**
     * The rest of a replayed workflow task once the code blocked: the LocalActivity markers among
     * its command events are applied in order, each to the execution waiting for it, running the
     * code until blocked after each; a marker no execution waits for is left to be reported as
     * non-determinism. The task's heartbeat timer, if history recorded one, is produced again.
     */
    void replayTask(Runnable runUntilBlocked, BooleanSupplier stop) {
        long lastApplied = 0;
        while (!stop.getAsBoolean()) {
            long after = lastApplied;
            HistoryEvent marker =
                    commands.findRecorded(e -> e.eventId() > after && LocalActivityStateMachine.isMarker(e));
            if (marker == null) {
                break;
            }
            Execution execution = pending.get(LocalActivityStateMachine.activityIdOf(marker));
            if (execution == null
                    || execution.machine().state() != State.WAITING_MARKER
                    || !execution.machine().matches(marker)) {
                break;
            }
            lastApplied = marker.eventId();
            context.advanceTimeTo(LocalActivityStateMachine.timeOf(marker));
            execution.machine().markerFound(marker);
            context.addCommand(execution.machine());
            runUntilBlocked.run();
        }
        String heartbeatTimerId = HEARTBEAT_TIMER_PREFIX + (heartbeatSeq + 1);
        if (!stop.getAsBoolean()
                && hasPending()
                && commands.findRecorded(e -> e.attributes() instanceof TimerStarted t
                                && t.timerId().equals(heartbeatTimerId))
                        != null) {
            startHeartbeatTimer();
        }
    }

    private boolean hasPending() {
        return pending.values().stream().anyMatch(e -> e.machine().isPending());
    }

    /** A timer that only makes the server schedule a new task, for the outcomes of local activities still running. */
    private void startHeartbeatTimer() {
        context.addCommand(new TimerStateMachine(
                new Command.StartTimer(HEARTBEAT_TIMER_PREFIX + (++heartbeatSeq), HEARTBEAT_TIMER),
                (result, failure) -> {}));
    }

    /** The run is destroyed: stop what still runs. */
    void abandon() {
        executing.values().forEach(Runnable::run);
        executing.clear();
        completions.clear();
    }
}
