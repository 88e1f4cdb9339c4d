package io.perdura.history.mutablestate;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.perdura.common.model.ParentExecutionInfo;
import io.perdura.common.model.RetryPolicy;
import io.perdura.common.model.WorkflowExecutionKey;
import io.perdura.common.model.WorkflowStatus;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** What a run is: its identity, type, queue, timeouts and status. */
public final class ExecutionInfo {

    private String namespace;
    private String workflowId;
    private String runId;
    private int shardId;
    private String workflowType;
    private String taskQueue;
    private WorkflowStatus status;
    private Instant startTime;
    private Instant closeTime;
    private Duration workflowTaskTimeout;
    private RetryPolicy retryPolicy;
    private String startRequestId;
    private long timeoutTimerTaskId;
    private int attempt = 1;
    private String firstExecutionRunId;
    private Duration workflowExecutionTimeout;
    private Duration workflowRunTimeout;
    private Instant executionExpirationTime;
    private Instant runExpirationTime;
    private String cronSchedule;
    private JsonNode memo;
    private long backoffTimerTaskId;
    private Instant executionTime;
    private boolean cancelRequested;
    private ParentExecutionInfo parent;
    private String stickyTaskQueue;
    private Duration stickyScheduleToStartTimeout;
    private long stickyLastEventId;

    @JsonCreator
    ExecutionInfo() {}

    public ExecutionInfo(
            WorkflowExecutionKey key,
            int shardId,
            String workflowType,
            String taskQueue,
            Instant startTime,
            Duration workflowTaskTimeout,
            RetryPolicy retryPolicy,
            String startRequestId) {
        this.namespace = key.namespace();
        this.workflowId = key.workflowId();
        this.runId = key.runId();
        this.shardId = shardId;
        this.workflowType = workflowType;
        this.taskQueue = taskQueue;
        this.status = WorkflowStatus.RUNNING;
        this.startTime = startTime;
        this.workflowTaskTimeout = workflowTaskTimeout;
        this.retryPolicy = retryPolicy;
        this.startRequestId = startRequestId;
    }

    public WorkflowExecutionKey key() {
        return new WorkflowExecutionKey(namespace, workflowId, runId);
    }

    public int shardId() {
        return shardId;
    }

    public String workflowType() {
        return workflowType;
    }

    public String taskQueue() {
        return taskQueue;
    }

    public WorkflowStatus status() {
        return status;
    }

    public boolean isOpen() {
        return status.isOpen();
    }

    public Instant startTime() {
        return startTime;
    }

    public Instant closeTime() {
        return closeTime;
    }

    public Duration workflowTaskTimeout() {
        return workflowTaskTimeout;
    }

    /** The workflow's retry policy (a failed or timed-out run is retried as a new run), or null. */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    public String startRequestId() {
        return startRequestId;
    }

    /** The timer row of the run's execution/run timeout, 0 without one. */
    public long timeoutTimerTaskId() {
        return timeoutTimerTaskId;
    }

    public void timeoutTimerTaskId(long taskId) {
        this.timeoutTimerTaskId = taskId;
    }

    /** Closes the run; only an open run can close. */
    public void close(WorkflowStatus closedStatus, Instant time) {
        if (!isOpen()) {
            throw new IllegalStateException("run " + key() + " is already " + status);
        }
        if (closedStatus.isOpen()) {
            throw new IllegalArgumentException("not a closed status: " + closedStatus);
        }
        this.status = closedStatus;
        this.closeTime = time;
    }

    /** Which attempt of the workflow's retry policy this run is: 1 for the first. */
    public int attempt() {
        return attempt;
    }

    /** The first run of the chain this run belongs to (continue-as-new, retries, cron); itself for a first run. */
    public String firstExecutionRunId() {
        return firstExecutionRunId == null ? runId : firstExecutionRunId;
    }

    public Duration workflowExecutionTimeout() {
        return workflowExecutionTimeout;
    }

    public Duration workflowRunTimeout() {
        return workflowRunTimeout;
    }

    /** When the whole chain must be closed (workflow execution timeout), or null. */
    public Instant executionExpirationTime() {
        return executionExpirationTime;
    }

    /** When this run must be closed (workflow run timeout), or null. */
    public Instant runExpirationTime() {
        return runExpirationTime;
    }

    public String cronSchedule() {
        return cronSchedule;
    }

    public JsonNode memo() {
        return memo;
    }

    /**
     * Sets what this run inherits from the chain it belongs to and its limits: the attempt, the first
     * run, the timeouts with the chain's execution expiration, the cron schedule and the memo.
     */
    public void chain(
            int attempt,
            String firstExecutionRunId,
            Duration workflowExecutionTimeout,
            Duration workflowRunTimeout,
            Instant executionExpirationTime,
            String cronSchedule,
            JsonNode memo) {
        this.attempt = Math.max(attempt, 1);
        this.firstExecutionRunId = firstExecutionRunId;
        this.workflowExecutionTimeout = workflowExecutionTimeout;
        this.workflowRunTimeout = workflowRunTimeout;
        this.executionExpirationTime = executionExpirationTime;
        this.runExpirationTime = workflowRunTimeout == null ? null : startTime.plus(workflowRunTimeout);
        this.cronSchedule = cronSchedule;
        this.memo = memo;
    }

    /** The timer row that delays the first workflow task (start delay, retry backoff, cron), 0 without one. */
    public long backoffTimerTaskId() {
        return backoffTimerTaskId;
    }

    public void backoffTimerTaskId(long taskId) {
        this.backoffTimerTaskId = taskId;
    }

    /** Delays the run's first workflow task until {@code dueTime} with the timer row {@code taskId}. */
    public void backoff(long taskId, Instant dueTime) {
        this.backoffTimerTaskId = taskId;
        this.executionTime = dueTime;
    }

    /** When the first workflow task was (or is) due: the start, or the end of its backoff. */
    public Instant executionTime() {
        return executionTime == null ? startTime : executionTime;
    }

    /** Whether the first workflow task still waits for its backoff timer. */
    public boolean isInBackoff() {
        return backoffTimerTaskId != 0;
    }

    /** Whether someone asked this run to cancel. */
    public boolean isCancelRequested() {
        return cancelRequested;
    }

    public void requestCancel() {
        this.cancelRequested = true;
    }

    /** The parent of a child run (kept by the runs that continue it), or null. */
    public ParentExecutionInfo parent() {
        return parent;
    }

    public void parent(ParentExecutionInfo parentExecution) {
        this.parent = parentExecution;
    }

    /**
     * The worker-specific (sticky) task queue the run's next workflow tasks go to, or null: the worker
     * that answered the last task keeps the run cached (ADR 28).
     */
    public String stickyTaskQueue() {
        return stickyTaskQueue;
    }

    /** How long a task waits on the sticky queue before it goes back to the normal one. */
    public Duration stickyScheduleToStartTimeout() {
        return stickyScheduleToStartTimeout;
    }

    /** The last event the sticky worker has seen: a sticky task carries the events after it. */
    public long stickyLastEventId() {
        return stickyLastEventId;
    }

    /** Sends the next workflow tasks to {@code queue}, whose worker has seen events 1..{@code lastEventId}. */
    public void stick(String queue, Duration scheduleToStartTimeout, long lastEventId) {
        this.stickyTaskQueue = queue;
        this.stickyScheduleToStartTimeout = scheduleToStartTimeout;
        this.stickyLastEventId = lastEventId;
    }

    /** Sends the next workflow tasks to the normal task queue, with the whole history. */
    public void clearSticky() {
        stick(null, null, 0);
    }
}
