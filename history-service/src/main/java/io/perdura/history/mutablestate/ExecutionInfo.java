package io.perdura.history.mutablestate;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.perdura.common.model.RetryPolicy;
import io.perdura.common.model.WorkflowExecutionKey;
import io.perdura.common.model.WorkflowStatus;
import java.time.Duration;
import java.time.Instant;

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

    /** The workflow's default retry policy for its activities, or null. */
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
}
