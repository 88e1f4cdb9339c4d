package io.perdura.common.command;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.perdura.common.model.Failure;
import io.perdura.common.model.Headers;
import io.perdura.common.model.ParentClosePolicy;
import io.perdura.common.model.RetryPolicy;
import io.perdura.common.model.WorkflowExecution;
import io.perdura.common.model.WorkflowIdReusePolicy;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * What workflow code decided in one workflow task. In JSON: {@code {"commandType":"StartTimer",
 * "timerId":"1","startToFireTimeout":"5s"}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "commandType")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Command.ScheduleActivityTask.class, name = "ScheduleActivityTask"),
    @JsonSubTypes.Type(value = Command.RequestCancelActivityTask.class, name = "RequestCancelActivityTask"),
    @JsonSubTypes.Type(value = Command.StartTimer.class, name = "StartTimer"),
    @JsonSubTypes.Type(value = Command.CancelTimer.class, name = "CancelTimer"),
    @JsonSubTypes.Type(value = Command.RecordMarker.class, name = "RecordMarker"),
    @JsonSubTypes.Type(value = Command.StartChildWorkflowExecution.class, name = "StartChildWorkflowExecution"),
    @JsonSubTypes.Type(value = Command.SignalExternalWorkflowExecution.class, name = "SignalExternalWorkflowExecution"),
    @JsonSubTypes.Type(
            value = Command.RequestCancelExternalWorkflowExecution.class,
            name = "RequestCancelExternalWorkflowExecution"),
    @JsonSubTypes.Type(value = Command.AcceptWorkflowUpdate.class, name = "AcceptWorkflowUpdate"),
    @JsonSubTypes.Type(value = Command.CompleteWorkflowUpdate.class, name = "CompleteWorkflowUpdate"),
    @JsonSubTypes.Type(value = Command.RejectWorkflowUpdate.class, name = "RejectWorkflowUpdate"),
    @JsonSubTypes.Type(value = Command.CompleteWorkflowExecution.class, name = "CompleteWorkflowExecution"),
    @JsonSubTypes.Type(value = Command.FailWorkflowExecution.class, name = "FailWorkflowExecution"),
    @JsonSubTypes.Type(value = Command.CancelWorkflowExecution.class, name = "CancelWorkflowExecution"),
    @JsonSubTypes.Type(value = Command.ContinueAsNewWorkflowExecution.class, name = "ContinueAsNewWorkflowExecution")
})
public sealed interface Command {

    @JsonIgnore
    CommandType commandType();

    /** Whether this command closes the run. */
    @JsonIgnore
    default boolean isTerminal() {
        return this instanceof CompleteWorkflowExecution
                || this instanceof FailWorkflowExecution
                || this instanceof CancelWorkflowExecution
                || this instanceof ContinueAsNewWorkflowExecution;
    }

    /**
     * Schedule an activity; {@code input} is a JSON array of arguments, {@code header} a JSON object
     * handed to the activity with each attempt (null: none). {@code requestEagerExecution}: the
     * worker completing the task polls the activity's task queue, has a slot free and asks to run the
     * first attempt itself; when the queue is the run's own, history starts the attempt in the
     * task's completion and returns it in the answer instead of dispatching it through matching.
     */
    record ScheduleActivityTask(
            String activityId,
            String activityType,
            String taskQueue,
            JsonNode input,
            Duration scheduleToCloseTimeout,
            Duration scheduleToStartTimeout,
            Duration startToCloseTimeout,
            Duration heartbeatTimeout,
            RetryPolicy retryPolicy,
            JsonNode header,
            boolean requestEagerExecution)
            implements Command {

        public ScheduleActivityTask {
            header = Headers.normalize(header);
        }

        /** An activity dispatched through matching (no eager execution asked). */
        public ScheduleActivityTask(
                String activityId,
                String activityType,
                String taskQueue,
                JsonNode input,
                Duration scheduleToCloseTimeout,
                Duration scheduleToStartTimeout,
                Duration startToCloseTimeout,
                Duration heartbeatTimeout,
                RetryPolicy retryPolicy,
                JsonNode header) {
            this(
                    activityId,
                    activityType,
                    taskQueue,
                    input,
                    scheduleToCloseTimeout,
                    scheduleToStartTimeout,
                    startToCloseTimeout,
                    heartbeatTimeout,
                    retryPolicy,
                    header,
                    false);
        }

        /** An activity without a header. */
        public ScheduleActivityTask(
                String activityId,
                String activityType,
                String taskQueue,
                JsonNode input,
                Duration scheduleToCloseTimeout,
                Duration scheduleToStartTimeout,
                Duration startToCloseTimeout,
                Duration heartbeatTimeout,
                RetryPolicy retryPolicy) {
            this(
                    activityId,
                    activityType,
                    taskQueue,
                    input,
                    scheduleToCloseTimeout,
                    scheduleToStartTimeout,
                    startToCloseTimeout,
                    heartbeatTimeout,
                    retryPolicy,
                    null);
        }

        /** This command with {@code eager} as its request for eager execution. */
        public ScheduleActivityTask withRequestEagerExecution(boolean eager) {
            return new ScheduleActivityTask(
                    activityId,
                    activityType,
                    taskQueue,
                    input,
                    scheduleToCloseTimeout,
                    scheduleToStartTimeout,
                    startToCloseTimeout,
                    heartbeatTimeout,
                    retryPolicy,
                    header,
                    eager);
        }

        @Override
        public CommandType commandType() {
            return CommandType.ScheduleActivityTask;
        }
    }

    /** Ask a scheduled or running activity to cancel. */
    record RequestCancelActivityTask(long scheduledEventId) implements Command {
        @Override
        public CommandType commandType() {
            return CommandType.RequestCancelActivityTask;
        }
    }

    record StartTimer(String timerId, Duration startToFireTimeout) implements Command {
        @Override
        public CommandType commandType() {
            return CommandType.StartTimer;
        }
    }

    /** Cancel a timer that has not fired. */
    record CancelTimer(String timerId) implements Command {
        @Override
        public CommandType commandType() {
            return CommandType.CancelTimer;
        }
    }

    record RecordMarker(String markerName, JsonNode details, Failure failure) implements Command {
        @Override
        public CommandType commandType() {
            return CommandType.RecordMarker;
        }
    }

    /**
     * Start a child workflow; {@code input} is a JSON array of arguments. {@code namespace} null means
     * the parent's; {@code taskQueue} null means the parent's; {@code header} becomes the child's start
     * header.
     */
    record StartChildWorkflowExecution(
            String namespace,
            String workflowId,
            String workflowType,
            String taskQueue,
            JsonNode input,
            Duration workflowExecutionTimeout,
            Duration workflowRunTimeout,
            Duration workflowTaskTimeout,
            ParentClosePolicy parentClosePolicy,
            WorkflowIdReusePolicy workflowIdReusePolicy,
            RetryPolicy retryPolicy,
            String cronSchedule,
            JsonNode memo,
            JsonNode header)
            implements Command {

        public StartChildWorkflowExecution {
            header = Headers.normalize(header);
        }

        /** A child without a header. */
        public StartChildWorkflowExecution(
                String namespace,
                String workflowId,
                String workflowType,
                String taskQueue,
                JsonNode input,
                Duration workflowExecutionTimeout,
                Duration workflowRunTimeout,
                Duration workflowTaskTimeout,
                ParentClosePolicy parentClosePolicy,
                WorkflowIdReusePolicy workflowIdReusePolicy,
                RetryPolicy retryPolicy,
                String cronSchedule,
                JsonNode memo) {
            this(
                    namespace,
                    workflowId,
                    workflowType,
                    taskQueue,
                    input,
                    workflowExecutionTimeout,
                    workflowRunTimeout,
                    workflowTaskTimeout,
                    parentClosePolicy,
                    workflowIdReusePolicy,
                    retryPolicy,
                    cronSchedule,
                    memo,
                    null);
        }

        @Override
        public CommandType commandType() {
            return CommandType.StartChildWorkflowExecution;
        }
    }

    /** Signal another workflow (runId null: its current run); {@code input} is a JSON array. */
    record SignalExternalWorkflowExecution(
            String namespace, WorkflowExecution execution, String signalName, JsonNode input, boolean childWorkflowOnly)
            implements Command {
        @Override
        public CommandType commandType() {
            return CommandType.SignalExternalWorkflowExecution;
        }
    }

    /** Ask another workflow (runId null: its current run) to cancel. */
    record RequestCancelExternalWorkflowExecution(
            String namespace, WorkflowExecution execution, boolean childWorkflowOnly, String reason)
            implements Command {
        @Override
        public CommandType commandType() {
            return CommandType.RequestCancelExternalWorkflowExecution;
        }
    }

    /** The update's validator passed: WorkflowExecutionUpdateAccepted is written. */
    record AcceptWorkflowUpdate(String updateId) implements Command {
        @Override
        public CommandType commandType() {
            return CommandType.AcceptWorkflowUpdate;
        }
    }

    /** An accepted update's handler returned {@code result} or threw {@code failure}: WorkflowExecutionUpdateCompleted. */
    record CompleteWorkflowUpdate(String updateId, JsonNode result, Failure failure) implements Command {
        @Override
        public CommandType commandType() {
            return CommandType.CompleteWorkflowUpdate;
        }
    }

    /** The update's validator threw: the caller gets the failure and nothing is written to history. */
    record RejectWorkflowUpdate(String updateId, Failure failure) implements Command {
        @Override
        public CommandType commandType() {
            return CommandType.RejectWorkflowUpdate;
        }
    }

    record CompleteWorkflowExecution(JsonNode result) implements Command {
        @Override
        public CommandType commandType() {
            return CommandType.CompleteWorkflowExecution;
        }
    }

    record FailWorkflowExecution(Failure failure) implements Command {
        @Override
        public CommandType commandType() {
            return CommandType.FailWorkflowExecution;
        }
    }

    /** The workflow accepted its cancellation: the run closes CANCELED. */
    record CancelWorkflowExecution(JsonNode details) implements Command {
        @Override
        public CommandType commandType() {
            return CommandType.CancelWorkflowExecution;
        }
    }

    /**
     * Close this run and start a new one of the same workflow id in the same transaction. Null fields
     * take the closing run's values (the header too); {@code input} is a JSON array of arguments.
     */
    record ContinueAsNewWorkflowExecution(
            String workflowType,
            String taskQueue,
            JsonNode input,
            Duration workflowRunTimeout,
            Duration workflowTaskTimeout,
            Duration backoffStartInterval,
            RetryPolicy retryPolicy,
            JsonNode memo,
            JsonNode header)
            implements Command {

        public ContinueAsNewWorkflowExecution {
            header = Headers.normalize(header);
        }

        /** A continue-as-new that keeps the closing run's header. */
        public ContinueAsNewWorkflowExecution(
                String workflowType,
                String taskQueue,
                JsonNode input,
                Duration workflowRunTimeout,
                Duration workflowTaskTimeout,
                Duration backoffStartInterval,
                RetryPolicy retryPolicy,
                JsonNode memo) {
            this(
                    workflowType,
                    taskQueue,
                    input,
                    workflowRunTimeout,
                    workflowTaskTimeout,
                    backoffStartInterval,
                    retryPolicy,
                    memo,
                    null);
        }

        @Override
        public CommandType commandType() {
            return CommandType.ContinueAsNewWorkflowExecution;
        }
    }
}
