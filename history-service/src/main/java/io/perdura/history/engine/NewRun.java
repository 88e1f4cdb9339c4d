package io.perdura.history.engine;

import io.perdura.common.history.EventAttributes;
import io.perdura.common.history.EventAttributes.WorkflowExecutionStarted;
import io.perdura.common.model.ContinueAsNewInitiator;
import io.perdura.common.model.Failure;
import io.perdura.common.model.Headers;
import io.perdura.common.model.ParentExecutionInfo;
import io.perdura.common.model.RetryPolicy;
import io.perdura.common.model.WorkflowExecution;
import io.perdura.common.model.WorkflowExecutionKey;
import io.perdura.history.mutablestate.ExecutionInfo;
import io.perdura.history.mutablestate.MutableState;
import io.perdura.history.persistence.TimerTaskType;
import io.perdura.history.shard.ShardContext;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Everything a new run starts with, gathered by whoever starts it (a client's start, continue-as-new,
 * a workflow retry, the next cron run, a parent starting a child), and {@link #start} to build its
 * first state change: WorkflowExecutionStarted, then either the first WorkflowTaskScheduled or the
 * timer that delays it, and the timer of its run/execution timeout.
 */
final class NewRun {

    private final String namespace;
    private final String workflowId;
    private final String runId = UUID.randomUUID().toString();
    private String workflowType;
    private String taskQueue;
    private JsonNode input;
    private Duration workflowExecutionTimeout;
    private Duration workflowRunTimeout;
    private Duration workflowTaskTimeout;
    private String requestId;
    private String identity;
    private RetryPolicy retryPolicy;
    private String cronSchedule;
    private JsonNode memo;
    private JsonNode header;
    private Duration firstWorkflowTaskBackoff;
    private int attempt = 1;
    private String firstExecutionRunId;
    private Instant executionExpirationTime;
    private String continuedExecutionRunId;
    private ContinueAsNewInitiator initiator;
    private Failure continuedFailure;
    private JsonNode lastCompletionResult;
    private String parentNamespace;
    private WorkflowExecution parentExecution;
    private long parentInitiatedEventId;
    private boolean eager;

    NewRun(String namespace, String workflowId) {
        this.namespace = namespace;
        this.workflowId = workflowId;
    }

    String runId() {
        return runId;
    }

    String workflowId() {
        return workflowId;
    }

    String requestId() {
        return requestId;
    }

    NewRun workflow(String type, String queue, JsonNode arguments) {
        this.workflowType = type;
        this.taskQueue = queue;
        this.input = StartWorkflowHandler.input(arguments);
        return this;
    }

    NewRun timeouts(Duration execution, Duration run, Duration task) {
        this.workflowExecutionTimeout = positiveOrNull(execution);
        this.workflowRunTimeout = positiveOrNull(run);
        this.workflowTaskTimeout = task;
        return this;
    }

    NewRun request(String startRequestId, String callerIdentity) {
        this.requestId = startRequestId;
        this.identity = callerIdentity;
        return this;
    }

    NewRun retryPolicy(RetryPolicy policy) {
        this.retryPolicy = policy;
        return this;
    }

    NewRun cronSchedule(String schedule) {
        this.cronSchedule = schedule == null || schedule.isBlank() ? null : schedule;
        return this;
    }

    NewRun memo(JsonNode value) {
        this.memo = value == null || value.isNull() ? null : value;
        return this;
    }

    /** The start's header (null or empty: none). */
    NewRun header(JsonNode value) {
        this.header = Headers.normalize(value);
        return this;
    }

    /**
     * Starts the first workflow task in the start's transaction, for the starting client, instead of
     * dispatching it (ADR 29's eager workflow start); ignored when the first task is delayed.
     */
    NewRun eager(boolean value) {
        this.eager = value;
        return this;
    }

    /** Whether {@link #start} starts the first workflow task for the caller (see {@link #eager}). */
    boolean startsEagerly() {
        return eager && firstWorkflowTaskBackoff == null;
    }

    /** Delays the first workflow task (start delay, retry backoff, time to the next cron run). */
    NewRun firstWorkflowTaskBackoff(Duration backoff) {
        this.firstWorkflowTaskBackoff = positiveOrNull(backoff);
        return this;
    }

    /**
     * Makes this run follow {@code previous} in its chain: same first run and execution expiration,
     * {@code nextAttempt} (1 unless a retry), and why it follows.
     */
    NewRun continues(
            ExecutionInfo previous, int nextAttempt, ContinueAsNewInitiator why, Failure failure, JsonNode lastResult) {
        this.attempt = nextAttempt;
        this.firstExecutionRunId = previous.firstExecutionRunId();
        this.executionExpirationTime = previous.executionExpirationTime();
        this.continuedExecutionRunId = previous.key().runId();
        this.initiator = why;
        this.continuedFailure = failure;
        this.lastCompletionResult = lastResult;
        return this;
    }

    NewRun parent(String namespace, WorkflowExecution execution, long initiatedEventId) {
        this.parentNamespace = namespace;
        this.parentExecution = execution;
        this.parentInitiatedEventId = initiatedEventId;
        return this;
    }

    /** Makes this run a child of {@code parent} (null: none). */
    NewRun parent(ParentExecutionInfo parent) {
        return parent == null ? this : parent(parent.namespace(), parent.execution(), parent.initiatedEventId());
    }

    /**
     * The new run's first state change, with {@code afterStarted} (a signal of signal-with-start, or
     * null) recorded right after WorkflowExecutionStarted.
     */
    RunUpdate start(ShardContext shard, Instant now, EventAttributes afterStarted) {
        var key = new WorkflowExecutionKey(namespace, workflowId, runId);
        Instant expiration = executionExpirationTime != null
                ? executionExpirationTime
                : workflowExecutionTimeout == null ? null : now.plus(workflowExecutionTimeout);
        var execution = new ExecutionInfo(
                key, shard.shardId(), workflowType, taskQueue, now, workflowTaskTimeout, retryPolicy, requestId);
        execution.chain(
                attempt,
                firstExecutionRunId == null ? runId : firstExecutionRunId,
                workflowExecutionTimeout,
                workflowRunTimeout,
                expiration,
                cronSchedule,
                memo);
        if (parentExecution != null) {
            execution.parent(new ParentExecutionInfo(parentNamespace, parentExecution, parentInitiatedEventId));
        }
        var update = new RunUpdate(new MutableState(execution), shard, now);
        update.addEvent(new WorkflowExecutionStarted(
                workflowType,
                taskQueue,
                input,
                workflowExecutionTimeout,
                workflowRunTimeout,
                workflowTaskTimeout,
                requestId,
                identity,
                parentNamespace,
                parentExecution,
                parentInitiatedEventId,
                continuedExecutionRunId,
                initiator,
                continuedFailure,
                lastCompletionResult,
                runId,
                execution.firstExecutionRunId(),
                attempt,
                expiration,
                retryPolicy,
                cronSchedule,
                firstWorkflowTaskBackoff,
                memo,
                header));
        if (afterStarted != null) {
            update.addEvent(afterStarted);
        }
        if (firstWorkflowTaskBackoff != null) {
            Instant due = now.plus(firstWorkflowTaskBackoff);
            execution.backoff(update.timer(TimerTaskType.WORKFLOW_BACKOFF, due, 0, 0, null), due);
        } else if (startsEagerly() && afterStarted == null) {
            EagerWorkflowStart.startFirstTask(update, identity);
        } else {
            update.scheduleWorkflowTaskIfNone();
        }
        Instant deadline = earliest(expiration, execution.runExpirationTime());
        if (deadline != null) {
            execution.timeoutTimerTaskId(update.timer(TimerTaskType.WORKFLOW_TIMEOUT, deadline, 0, 0, null));
        }
        return update;
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    private static Duration positiveOrNull(Duration d) {
        return d != null && d.isPositive() ? d : null;
    }
}
