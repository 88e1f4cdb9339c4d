package io.perdura.common.history;

import io.perdura.common.model.ContinueAsNewInitiator;
import io.perdura.common.model.ExternalWorkflowFailedCause;
import io.perdura.common.model.Failure;
import io.perdura.common.model.Headers;
import io.perdura.common.model.ParentClosePolicy;
import io.perdura.common.model.RetryPolicy;
import io.perdura.common.model.RetryState;
import io.perdura.common.model.TimeoutType;
import io.perdura.common.model.UpdateMeta;
import io.perdura.common.model.UpdateOutcome;
import io.perdura.common.model.UpdateRequest;
import io.perdura.common.model.WorkflowExecution;
import io.perdura.common.model.WorkflowIdReusePolicy;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** The type-specific attributes of a {@link HistoryEvent}, one record per {@link EventType}. */
public sealed interface EventAttributes {

    EventType eventType();

    /**
     * The first event of every run. {@code input} is a JSON array of arguments. A child names its
     * parent; a run that follows another (continue-as-new, retry, cron) names it in {@code
     * continuedExecutionRunId} with the {@code initiator}; {@code attempt} counts the workflow retry
     * attempts (1 for the first); {@code firstWorkflowTaskBackoff} delays the first workflow task
     * (start delay, retry backoff, cron). {@code header} is the start's header (a JSON object, null
     * when none): the client's, the parent's for a child, the command's or the previous run's for a
     * run that follows another.
     */
    record WorkflowExecutionStarted(
            String workflowType,
            String taskQueue,
            JsonNode input,
            Duration workflowExecutionTimeout,
            Duration workflowRunTimeout,
            Duration workflowTaskTimeout,
            String requestId,
            String identity,
            String parentWorkflowNamespace,
            WorkflowExecution parentWorkflowExecution,
            long parentInitiatedEventId,
            String continuedExecutionRunId,
            ContinueAsNewInitiator initiator,
            Failure continuedFailure,
            JsonNode lastCompletionResult,
            String originalExecutionRunId,
            String firstExecutionRunId,
            int attempt,
            Instant workflowExecutionExpirationTime,
            RetryPolicy retryPolicy,
            String cronSchedule,
            Duration firstWorkflowTaskBackoff,
            JsonNode memo,
            JsonNode header)
            implements EventAttributes {

        public WorkflowExecutionStarted {
            attempt = Math.max(attempt, 1);
            header = Headers.normalize(header);
        }

        /** A start without a header. */
        public WorkflowExecutionStarted(
                String workflowType,
                String taskQueue,
                JsonNode input,
                Duration workflowExecutionTimeout,
                Duration workflowRunTimeout,
                Duration workflowTaskTimeout,
                String requestId,
                String identity,
                String parentWorkflowNamespace,
                WorkflowExecution parentWorkflowExecution,
                long parentInitiatedEventId,
                String continuedExecutionRunId,
                ContinueAsNewInitiator initiator,
                Failure continuedFailure,
                JsonNode lastCompletionResult,
                String originalExecutionRunId,
                String firstExecutionRunId,
                int attempt,
                Instant workflowExecutionExpirationTime,
                RetryPolicy retryPolicy,
                String cronSchedule,
                Duration firstWorkflowTaskBackoff,
                JsonNode memo) {
            this(
                    workflowType,
                    taskQueue,
                    input,
                    workflowExecutionTimeout,
                    workflowRunTimeout,
                    workflowTaskTimeout,
                    requestId,
                    identity,
                    parentWorkflowNamespace,
                    parentWorkflowExecution,
                    parentInitiatedEventId,
                    continuedExecutionRunId,
                    initiator,
                    continuedFailure,
                    lastCompletionResult,
                    originalExecutionRunId,
                    firstExecutionRunId,
                    attempt,
                    workflowExecutionExpirationTime,
                    retryPolicy,
                    cronSchedule,
                    firstWorkflowTaskBackoff,
                    memo,
                    null);
        }

        /** The start of a first run with no parent. */
        public WorkflowExecutionStarted(
                String workflowType,
                String taskQueue,
                JsonNode input,
                Duration workflowExecutionTimeout,
                Duration workflowRunTimeout,
                Duration workflowTaskTimeout,
                String requestId,
                String identity) {
            this(
                    workflowType,
                    taskQueue,
                    input,
                    workflowExecutionTimeout,
                    workflowRunTimeout,
                    workflowTaskTimeout,
                    requestId,
                    identity,
                    null,
                    null,
                    0,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    1,
                    null,
                    null,
                    null,
                    null,
                    null);
        }

        @Override
        public EventType eventType() {
            return EventType.WorkflowExecutionStarted;
        }
    }

    /** {@code newExecutionRunId}: the next run its cron schedule started, if any. */
    record WorkflowExecutionCompleted(JsonNode result, long workflowTaskCompletedEventId, String newExecutionRunId)
            implements EventAttributes {

        public WorkflowExecutionCompleted(JsonNode result, long workflowTaskCompletedEventId) {
            this(result, workflowTaskCompletedEventId, null);
        }

        @Override
        public EventType eventType() {
            return EventType.WorkflowExecutionCompleted;
        }
    }

    /** {@code newExecutionRunId}: the next attempt (retry policy) or cron run started, if any. */
    record WorkflowExecutionFailed(
            Failure failure, long workflowTaskCompletedEventId, RetryState retryState, String newExecutionRunId)
            implements EventAttributes {

        public WorkflowExecutionFailed(Failure failure, long workflowTaskCompletedEventId) {
            this(failure, workflowTaskCompletedEventId, null, null);
        }

        @Override
        public EventType eventType() {
            return EventType.WorkflowExecutionFailed;
        }
    }

    /** {@code newExecutionRunId}: the next attempt (retry policy) or cron run started, if any. */
    record WorkflowExecutionTimedOut(TimeoutType timeoutType, RetryState retryState, String newExecutionRunId)
            implements EventAttributes {

        public WorkflowExecutionTimedOut(TimeoutType timeoutType) {
            this(timeoutType, null, null);
        }

        @Override
        public EventType eventType() {
            return EventType.WorkflowExecutionTimedOut;
        }
    }

    record WorkflowExecutionTerminated(String reason, String identity) implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.WorkflowExecutionTerminated;
        }
    }

    /** The run accepted a cancel request (from a client, its parent, or another workflow) and closed CANCELED. */
    record WorkflowExecutionCanceled(JsonNode details, long workflowTaskCompletedEventId) implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.WorkflowExecutionCanceled;
        }
    }

    /**
     * Someone asked the run to cancel; the workflow code sees a CanceledFailure at its next
     * blocking call. {@code externalInitiatedEventId} and {@code externalWorkflowExecution} name the
     * workflow that asked, when one did.
     */
    record WorkflowExecutionCancelRequested(
            String cause,
            long externalInitiatedEventId,
            String externalNamespace,
            WorkflowExecution externalWorkflowExecution,
            String identity)
            implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.WorkflowExecutionCancelRequested;
        }
    }

    /** The run closed and a new run of the same workflow id started: {@code newExecutionRunId}. */
    record WorkflowExecutionContinuedAsNew(
            String newExecutionRunId,
            String workflowType,
            String taskQueue,
            JsonNode input,
            Duration workflowRunTimeout,
            Duration workflowTaskTimeout,
            long workflowTaskCompletedEventId,
            Duration backoffStartInterval,
            ContinueAsNewInitiator initiator,
            Failure failure,
            JsonNode lastCompletionResult)
            implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.WorkflowExecutionContinuedAsNew;
        }
    }

    /**
     * A signal; {@code input} is a JSON array of arguments. {@code externalWorkflowExecution} names
     * the workflow that sent it with a SignalExternalWorkflowExecution command (null from a client).
     */
    /** {@code header}: the signal's header (a JSON object, null when none). */
    record WorkflowExecutionSignaled(
            String signalName,
            JsonNode input,
            String identity,
            WorkflowExecution externalWorkflowExecution,
            JsonNode header)
            implements EventAttributes {

        public WorkflowExecutionSignaled {
            header = Headers.normalize(header);
        }

        /** A signal without a header. */
        public WorkflowExecutionSignaled(
                String signalName, JsonNode input, String identity, WorkflowExecution externalWorkflowExecution) {
            this(signalName, input, identity, externalWorkflowExecution, null);
        }

        /** A signal from a client. */
        public WorkflowExecutionSignaled(String signalName, JsonNode input, String identity) {
            this(signalName, input, identity, null, null);
        }

        @Override
        public EventType eventType() {
            return EventType.WorkflowExecutionSignaled;
        }
    }

    record WorkflowTaskScheduled(String taskQueue, Duration startToCloseTimeout, int attempt)
            implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.WorkflowTaskScheduled;
        }
    }

    record WorkflowTaskStarted(long scheduledEventId, String identity, String requestId) implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.WorkflowTaskStarted;
        }
    }

    record WorkflowTaskCompleted(long scheduledEventId, long startedEventId, String identity)
            implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.WorkflowTaskCompleted;
        }
    }

    record WorkflowTaskFailed(
            long scheduledEventId, long startedEventId, WorkflowTaskFailedCause cause, Failure failure, String identity)
            implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.WorkflowTaskFailed;
        }
    }

    record WorkflowTaskTimedOut(long scheduledEventId, long startedEventId, TimeoutType timeoutType)
            implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.WorkflowTaskTimedOut;
        }
    }

    /** An activity was scheduled; {@code input} is a JSON array of arguments. */
    record ActivityTaskScheduled(
            String activityId,
            String activityType,
            String taskQueue,
            JsonNode input,
            Duration scheduleToCloseTimeout,
            Duration scheduleToStartTimeout,
            Duration startToCloseTimeout,
            Duration heartbeatTimeout,
            RetryPolicy retryPolicy,
            long workflowTaskCompletedEventId,
            JsonNode header)
            implements EventAttributes {

        public ActivityTaskScheduled {
            header = Headers.normalize(header);
        }

        /** An activity without a header. */
        public ActivityTaskScheduled(
                String activityId,
                String activityType,
                String taskQueue,
                JsonNode input,
                Duration scheduleToCloseTimeout,
                Duration scheduleToStartTimeout,
                Duration startToCloseTimeout,
                Duration heartbeatTimeout,
                RetryPolicy retryPolicy,
                long workflowTaskCompletedEventId) {
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
                    workflowTaskCompletedEventId,
                    null);
        }

        @Override
        public EventType eventType() {
            return EventType.ActivityTaskScheduled;
        }
    }

    /** Written together with the activity's outcome, carrying the attempt that produced it. */
    record ActivityTaskStarted(
            long scheduledEventId, String identity, String requestId, int attempt, Failure lastFailure)
            implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.ActivityTaskStarted;
        }
    }

    record ActivityTaskCompleted(long scheduledEventId, long startedEventId, JsonNode result, String identity)
            implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.ActivityTaskCompleted;
        }
    }

    record ActivityTaskFailed(
            long scheduledEventId, long startedEventId, Failure failure, RetryState retryState, String identity)
            implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.ActivityTaskFailed;
        }
    }

    record ActivityTaskTimedOut(long scheduledEventId, long startedEventId, Failure failure, RetryState retryState)
            implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.ActivityTaskTimedOut;
        }
    }

    record TimerStarted(String timerId, Duration startToFireTimeout, long workflowTaskCompletedEventId)
            implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.TimerStarted;
        }
    }

    record TimerFired(String timerId, long startedEventId) implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.TimerFired;
        }
    }

    /** A timer the workflow cancelled before it fired. */
    record TimerCanceled(String timerId, long startedEventId, long workflowTaskCompletedEventId, String identity)
            implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.TimerCanceled;
        }
    }

    /** The workflow asked a scheduled or running activity to cancel. */
    record ActivityTaskCancelRequested(long scheduledEventId, long workflowTaskCompletedEventId)
            implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.ActivityTaskCancelRequested;
        }
    }

    /**
     * The activity is canceled: it was not started yet when the cancel was requested, or its worker
     * acknowledged the request (a heartbeat answered cancelRequested, then it reported canceled).
     */
    record ActivityTaskCanceled(
            JsonNode details,
            long latestCancelRequestedEventId,
            long scheduledEventId,
            long startedEventId,
            String identity)
            implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.ActivityTaskCanceled;
        }
    }

    /** The parent's command to start a child; {@code input} is a JSON array of arguments. */
    record StartChildWorkflowExecutionInitiated(
            String namespace,
            String workflowId,
            String workflowType,
            String taskQueue,
            JsonNode input,
            Duration workflowExecutionTimeout,
            Duration workflowRunTimeout,
            Duration workflowTaskTimeout,
            ParentClosePolicy parentClosePolicy,
            long workflowTaskCompletedEventId,
            WorkflowIdReusePolicy workflowIdReusePolicy,
            RetryPolicy retryPolicy,
            String cronSchedule,
            JsonNode memo,
            JsonNode header)
            implements EventAttributes {

        public StartChildWorkflowExecutionInitiated {
            header = Headers.normalize(header);
        }

        /** A child without a header. */
        public StartChildWorkflowExecutionInitiated(
                String namespace,
                String workflowId,
                String workflowType,
                String taskQueue,
                JsonNode input,
                Duration workflowExecutionTimeout,
                Duration workflowRunTimeout,
                Duration workflowTaskTimeout,
                ParentClosePolicy parentClosePolicy,
                long workflowTaskCompletedEventId,
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
                    workflowTaskCompletedEventId,
                    workflowIdReusePolicy,
                    retryPolicy,
                    cronSchedule,
                    memo,
                    null);
        }

        @Override
        public EventType eventType() {
            return EventType.StartChildWorkflowExecutionInitiated;
        }
    }

    /** The child could not start (its workflow id is in use, or its namespace is unknown). */
    record StartChildWorkflowExecutionFailed(
            String namespace,
            String workflowId,
            String workflowType,
            ExternalWorkflowFailedCause cause,
            long initiatedEventId,
            long workflowTaskCompletedEventId)
            implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.StartChildWorkflowExecutionFailed;
        }
    }

    record ChildWorkflowExecutionStarted(
            String namespace, long initiatedEventId, WorkflowExecution workflowExecution, String workflowType)
            implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.ChildWorkflowExecutionStarted;
        }
    }

    record ChildWorkflowExecutionCompleted(
            JsonNode result,
            String namespace,
            WorkflowExecution workflowExecution,
            String workflowType,
            long initiatedEventId,
            long startedEventId)
            implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.ChildWorkflowExecutionCompleted;
        }
    }

    record ChildWorkflowExecutionFailed(
            Failure failure,
            String namespace,
            WorkflowExecution workflowExecution,
            String workflowType,
            long initiatedEventId,
            long startedEventId,
            RetryState retryState)
            implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.ChildWorkflowExecutionFailed;
        }
    }

    record ChildWorkflowExecutionCanceled(
            JsonNode details,
            String namespace,
            WorkflowExecution workflowExecution,
            String workflowType,
            long initiatedEventId,
            long startedEventId)
            implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.ChildWorkflowExecutionCanceled;
        }
    }

    record ChildWorkflowExecutionTimedOut(
            String namespace,
            WorkflowExecution workflowExecution,
            String workflowType,
            long initiatedEventId,
            long startedEventId,
            RetryState retryState)
            implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.ChildWorkflowExecutionTimedOut;
        }
    }

    record ChildWorkflowExecutionTerminated(
            String namespace,
            WorkflowExecution workflowExecution,
            String workflowType,
            long initiatedEventId,
            long startedEventId)
            implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.ChildWorkflowExecutionTerminated;
        }
    }

    /** The workflow's command to signal another workflow; {@code input} is a JSON array of arguments. */
    record SignalExternalWorkflowExecutionInitiated(
            long workflowTaskCompletedEventId,
            String namespace,
            WorkflowExecution workflowExecution,
            String signalName,
            JsonNode input,
            boolean childWorkflowOnly)
            implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.SignalExternalWorkflowExecutionInitiated;
        }
    }

    record SignalExternalWorkflowExecutionFailed(
            ExternalWorkflowFailedCause cause,
            long workflowTaskCompletedEventId,
            String namespace,
            WorkflowExecution workflowExecution,
            long initiatedEventId)
            implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.SignalExternalWorkflowExecutionFailed;
        }
    }

    record ExternalWorkflowExecutionSignaled(
            long initiatedEventId, String namespace, WorkflowExecution workflowExecution) implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.ExternalWorkflowExecutionSignaled;
        }
    }

    /** The workflow's command to ask another workflow (a child, usually) to cancel. */
    record RequestCancelExternalWorkflowExecutionInitiated(
            long workflowTaskCompletedEventId,
            String namespace,
            WorkflowExecution workflowExecution,
            boolean childWorkflowOnly,
            String reason)
            implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.RequestCancelExternalWorkflowExecutionInitiated;
        }
    }

    record RequestCancelExternalWorkflowExecutionFailed(
            ExternalWorkflowFailedCause cause,
            long workflowTaskCompletedEventId,
            String namespace,
            WorkflowExecution workflowExecution,
            long initiatedEventId)
            implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.RequestCancelExternalWorkflowExecutionFailed;
        }
    }

    record ExternalWorkflowExecutionCancelRequested(
            long initiatedEventId, String namespace, WorkflowExecution workflowExecution) implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.ExternalWorkflowExecutionCancelRequested;
        }
    }

    /**
     * The workflow's validator accepted an update; its handler runs. {@code
     * acceptedRequestSequencingEventId} is the event after which the update was delivered.
     */
    record WorkflowExecutionUpdateAccepted(
            String protocolInstanceId,
            String acceptedRequestMessageId,
            long acceptedRequestSequencingEventId,
            UpdateRequest acceptedRequest)
            implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.WorkflowExecutionUpdateAccepted;
        }
    }

    /** An accepted update's handler returned or threw. */
    record WorkflowExecutionUpdateCompleted(UpdateMeta meta, long acceptedEventId, UpdateOutcome outcome)
            implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.WorkflowExecutionUpdateCompleted;
        }
    }

    record MarkerRecorded(String markerName, JsonNode details, Failure failure, long workflowTaskCompletedEventId)
            implements EventAttributes {
        @Override
        public EventType eventType() {
            return EventType.MarkerRecorded;
        }
    }

    /** Why a workflow task failed. */
    enum WorkflowTaskFailedCause {
        NON_DETERMINISTIC_ERROR,
        WORKFLOW_WORKER_UNHANDLED_FAILURE,
        BAD_COMMAND,
        UNHANDLED_COMMAND,
        /** The worker's sandbox caught workflow code blocked outside the SDK (a real sleep, I/O, a lock). */
        NON_DETERMINISTIC_CALL
    }
}
