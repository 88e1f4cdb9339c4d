package io.perdura.history.engine;

import io.perdura.common.command.Command.ContinueAsNewWorkflowExecution;
import io.perdura.common.history.EventAttributes.WorkflowExecutionCanceled;
import io.perdura.common.history.EventAttributes.WorkflowExecutionCompleted;
import io.perdura.common.history.EventAttributes.WorkflowExecutionContinuedAsNew;
import io.perdura.common.history.EventAttributes.WorkflowExecutionFailed;
import io.perdura.common.history.EventAttributes.WorkflowExecutionStarted;
import io.perdura.common.history.EventAttributes.WorkflowExecutionTimedOut;
import io.perdura.common.model.ContinueAsNewInitiator;
import io.perdura.common.model.Failure;
import io.perdura.common.model.RetryPolicy;
import io.perdura.common.model.RetryState;
import io.perdura.common.model.TimeoutType;
import io.perdura.common.model.WorkflowStatus;
import io.perdura.history.mutablestate.ExecutionInfo;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * How a run closes when its workflow completes, fails, times out, is cancelled or continues as new,
 * and which run follows it in the same transaction: the next attempt of its retry policy (a failed
 * or run-timed-out run), the next run of its cron schedule, or the run continue-as-new asked for.
 * The closing event names the next run ({@code newExecutionRunId}).
 */
final class RunClosing {

    private final RunExecutor executor;

    RunClosing(RunExecutor executor) {
        this.executor = executor;
    }

    void complete(RunUpdate update, JsonNode result, long completedId) {
        NewRun next = cronRun(update, null, result);
        update.close(
                WorkflowStatus.COMPLETED,
                new WorkflowExecutionCompleted(result, completedId, next == null ? null : next.runId()));
        startSuccessor(update, next);
    }

    void fail(RunUpdate update, Failure failure, long completedId) {
        ExecutionInfo execution = update.state().execution();
        Retry retry = retry(execution, failure, update.now());
        NewRun next = retry.state() == RetryState.IN_PROGRESS
                ? retryRun(update, retry.backoff(), failure)
                : cronRun(update, failure, null);
        update.close(
                WorkflowStatus.FAILED,
                new WorkflowExecutionFailed(failure, completedId, retry.state(), next == null ? null : next.runId()));
        startSuccessor(update, next);
    }

    /**
     * The run's timeout timer fired: past the chain's execution expiration the run just times out;
     * a run timeout is retried when the retry policy allows, else the cron schedule goes on.
     */
    void timeOut(RunUpdate update) {
        ExecutionInfo execution = update.state().execution();
        Instant expiration = execution.executionExpirationTime();
        boolean chainExpired = expiration != null && !update.now().isBefore(expiration);
        Retry retry = chainExpired ? new Retry(RetryState.TIMEOUT, null) : retry(execution, null, update.now());
        NewRun next = null;
        if (retry.state() == RetryState.IN_PROGRESS) {
            next = retryRun(update, retry.backoff(), timeoutFailure());
        } else if (!chainExpired) {
            next = cronRun(update, timeoutFailure(), null);
        }
        update.flushBufferedEvents();
        update.close(
                WorkflowStatus.TIMED_OUT,
                new WorkflowExecutionTimedOut(
                        TimeoutType.START_TO_CLOSE, retry.state(), next == null ? null : next.runId()));
        startSuccessor(update, next);
    }

    void cancel(RunUpdate update, JsonNode details, long completedId) {
        update.close(WorkflowStatus.CANCELED, new WorkflowExecutionCanceled(details, completedId));
    }

    void continueAsNew(RunUpdate update, ContinueAsNewWorkflowExecution command, long completedId) {
        ExecutionInfo execution = update.state().execution();
        WorkflowExecutionStarted started = startedEvent(execution);
        String type = blank(command.workflowType()) ? execution.workflowType() : command.workflowType();
        String queue = blank(command.taskQueue()) ? execution.taskQueue() : command.taskQueue();
        Duration runTimeout =
                command.workflowRunTimeout() != null ? command.workflowRunTimeout() : execution.workflowRunTimeout();
        Duration taskTimeout = command.workflowTaskTimeout() != null
                        && command.workflowTaskTimeout().isPositive()
                ? command.workflowTaskTimeout()
                : execution.workflowTaskTimeout();
        RetryPolicy retryPolicy = command.retryPolicy() != null ? command.retryPolicy() : execution.retryPolicy();
        JsonNode memo = command.memo() != null && !command.memo().isNull() ? command.memo() : execution.memo();
        NewRun next = new NewRun(execution.key().namespace(), execution.key().workflowId())
                .workflow(type, queue, command.input())
                .timeouts(execution.workflowExecutionTimeout(), runTimeout, taskTimeout)
                .request(null, started.identity())
                .retryPolicy(retryPolicy)
                .cronSchedule(execution.cronSchedule())
                .memo(memo)
                .header(command.header() != null ? command.header() : started.header())
                .firstWorkflowTaskBackoff(command.backoffStartInterval())
                .continues(execution, 1, ContinueAsNewInitiator.WORKFLOW, null, null);
        inheritParent(next, started);
        update.close(
                WorkflowStatus.CONTINUED_AS_NEW,
                new WorkflowExecutionContinuedAsNew(
                        next.runId(),
                        type,
                        queue,
                        StartWorkflowHandler.input(command.input()),
                        runTimeout,
                        taskTimeout,
                        completedId,
                        command.backoffStartInterval(),
                        ContinueAsNewInitiator.WORKFLOW,
                        null,
                        null));
        startSuccessor(update, next);
    }

    private record Retry(RetryState state, Duration backoff) {}

    /** Whether a run that failed with {@code failure} (null: its run timeout expired) is retried, and after how long. */
    private static Retry retry(ExecutionInfo execution, Failure failure, Instant now) {
        RetryPolicy policy = execution.retryPolicy();
        if (policy == null) {
            return new Retry(RetryState.RETRY_POLICY_NOT_SET, null);
        }
        boolean application = failure != null && failure.kind() == Failure.FailureKind.APPLICATION;
        RetryState state = policy.retryState(
                execution.attempt(), application ? failure.type() : null, application && failure.nonRetryable());
        Duration backoff = policy.backoff(execution.attempt());
        Instant expiration = execution.executionExpirationTime();
        if (state == RetryState.IN_PROGRESS
                && expiration != null
                && !now.plus(backoff).isBefore(expiration)) {
            state = RetryState.TIMEOUT;
        }
        return new Retry(state, backoff);
    }

    private NewRun retryRun(RunUpdate update, Duration backoff, Failure failure) {
        ExecutionInfo execution = update.state().execution();
        NewRun next = repeat(execution).firstWorkflowTaskBackoff(backoff);
        next.continues(execution, execution.attempt() + 1, ContinueAsNewInitiator.RETRY, failure, null);
        return next;
    }

    /** The next run of the cron schedule, or null without one. */
    private NewRun cronRun(RunUpdate update, Failure failure, JsonNode result) {
        ExecutionInfo execution = update.state().execution();
        if (execution.cronSchedule() == null) {
            return null;
        }
        Duration delay = CronSchedule.parse(execution.cronSchedule()).delayAfter(update.now());
        if (delay == null) {
            return null;
        }
        return repeat(execution)
                .firstWorkflowTaskBackoff(delay)
                .continues(execution, 1, ContinueAsNewInitiator.CRON_SCHEDULE, failure, result);
    }

    /** A new run with this run's type, queue, input, timeouts, policy, schedule and memo. */
    private NewRun repeat(ExecutionInfo execution) {
        WorkflowExecutionStarted started = startedEvent(execution);
        NewRun next = new NewRun(execution.key().namespace(), execution.key().workflowId())
                .workflow(execution.workflowType(), execution.taskQueue(), started.input())
                .timeouts(
                        execution.workflowExecutionTimeout(),
                        execution.workflowRunTimeout(),
                        execution.workflowTaskTimeout())
                .request(null, started.identity())
                .retryPolicy(execution.retryPolicy())
                .cronSchedule(execution.cronSchedule())
                .memo(execution.memo())
                .header(started.header());
        inheritParent(next, started);
        return next;
    }

    /** A run that follows a child's run is the same child: it keeps the parent. */
    private static void inheritParent(NewRun next, WorkflowExecutionStarted started) {
        if (started.parentWorkflowExecution() != null) {
            next.parent(
                    started.parentWorkflowNamespace(),
                    started.parentWorkflowExecution(),
                    started.parentInitiatedEventId());
        }
    }

    private void startSuccessor(RunUpdate update, NewRun next) {
        if (next != null) {
            update.successor(next.start(update.shard(), update.now(), null), null);
        }
    }

    private WorkflowExecutionStarted startedEvent(ExecutionInfo execution) {
        return executor.history(execution.key().runId(), 1).getFirst().attributes(WorkflowExecutionStarted.class);
    }

    private static Failure timeoutFailure() {
        return new Failure(
                "workflow run timed out",
                Failure.FailureKind.TIMEOUT,
                null,
                false,
                null,
                null,
                null,
                null,
                TimeoutType.START_TO_CLOSE);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
