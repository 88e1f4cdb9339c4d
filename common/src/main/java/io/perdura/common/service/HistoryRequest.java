package io.perdura.common.service;

import io.perdura.common.api.CancelActivityByIdRequest;
import io.perdura.common.api.CancelActivityTaskRequest;
import io.perdura.common.api.CancelRequest;
import io.perdura.common.api.CompleteActivityByIdRequest;
import io.perdura.common.api.CompleteActivityTaskRequest;
import io.perdura.common.api.CompleteWorkflowTaskRequest;
import io.perdura.common.api.FailActivityByIdRequest;
import io.perdura.common.api.FailActivityTaskRequest;
import io.perdura.common.api.FailWorkflowTaskRequest;
import io.perdura.common.api.HeartbeatActivityByIdRequest;
import io.perdura.common.api.HeartbeatRequest;
import io.perdura.common.api.SignalRequest;
import io.perdura.common.api.SignalWithStartRequest;
import io.perdura.common.api.StartWorkflowRequest;
import io.perdura.common.api.TaskToken;
import io.perdura.common.api.TerminateRequest;
import io.perdura.common.api.UpdateWorkflowRequest;
import io.perdura.common.history.HistoryEvent;
import io.perdura.common.model.ExternalWorkflowFailedCause;
import io.perdura.common.model.ParentExecutionInfo;
import io.perdura.common.model.WorkflowExecution;
import io.perdura.common.model.WorkflowExecutionKey;
import io.perdura.common.model.WorkflowStatus;
import java.time.Duration;

/**
 * The messages history-service handles, each routed by {@link #routingKey()} so that every message
 * about one workflow is handled in order by the shard's owner. {@code runId} may be null where it
 * means "the current run".
 */
public sealed interface HistoryRequest {

    String namespace();

    /** {@code namespace/workflowId}; for list requests, the namespace. */
    String routingKey();

    /** Requests about one workflow id. */
    sealed interface ForWorkflow extends HistoryRequest {
        String workflowId();

        @Override
        default String routingKey() {
            return WorkflowExecutionKey.routingKey(namespace(), workflowId());
        }
    }

    /** Requests answering a task, identified by its token. */
    sealed interface ForTask extends HistoryRequest {
        TaskToken token();

        @Override
        default String namespace() {
            return token().namespace();
        }

        @Override
        default String routingKey() {
            return WorkflowExecutionKey.routingKey(token().namespace(), token().workflowId());
        }
    }

    record StartWorkflowExecution(String namespace, String workflowId, StartWorkflowRequest request)
            implements ForWorkflow {}

    /** {@code caller} set when another workflow signals (its SignalExternalWorkflowExecution command), else null. */
    record SignalWorkflowExecution(
            String namespace,
            String workflowId,
            String runId,
            String signalName,
            SignalRequest request,
            ExternalCaller caller)
            implements ForWorkflow {

        /** A client's signal. */
        public SignalWorkflowExecution(
                String namespace, String workflowId, String runId, String signalName, SignalRequest request) {
            this(namespace, workflowId, runId, signalName, request, null);
        }
    }

    /** Signals the running run, or starts one (with the signal after WorkflowExecutionStarted), atomically. */
    record SignalWithStartWorkflowExecution(
            String namespace, String workflowId, String signalName, SignalWithStartRequest request)
            implements ForWorkflow {}

    /**
     * Asks the run to cancel: WorkflowExecutionCancelRequested; a repeated request changes nothing.
     * {@code caller} set when another workflow asks (its RequestCancelExternalWorkflowExecution
     * command, or its parent close policy), else null.
     */
    record RequestCancelWorkflowExecution(
            String namespace, String workflowId, String runId, CancelRequest request, ExternalCaller caller)
            implements ForWorkflow {

        /** A client's cancel request. */
        public RequestCancelWorkflowExecution(
                String namespace, String workflowId, String runId, CancelRequest request) {
            this(namespace, workflowId, runId, request, null);
        }
    }

    /** {@code caller} set when a parent close policy terminates a child, else null. */
    record TerminateWorkflowExecution(
            String namespace, String workflowId, String runId, TerminateRequest request, ExternalCaller caller)
            implements ForWorkflow {

        /** A client's termination. */
        public TerminateWorkflowExecution(String namespace, String workflowId, String runId, TerminateRequest request) {
            this(namespace, workflowId, runId, request, null);
        }
    }

    record DescribeWorkflowExecution(String namespace, String workflowId, String runId) implements ForWorkflow {}

    /** {@code nextPageToken} null for the first page. */
    record GetWorkflowExecutionHistory(
            String namespace, String workflowId, String runId, int pageSize, String nextPageToken)
            implements ForWorkflow {}

    /** Completes when the run closes, or after {@code waitTimeout} with status RUNNING. */
    record GetWorkflowExecutionResult(String namespace, String workflowId, String runId, Duration waitTimeout)
            implements ForWorkflow {}

    /**
     * Completes once the run's workflow code has processed every event recorded before this request
     * (no first-attempt workflow task is scheduled or running), when the run is closed, or after
     * {@code waitTimeout} in any case. Queries ask it first, so they see every signal and update
     * whose call returned before them.
     */
    record AwaitEventsProcessed(String namespace, String workflowId, String runId, Duration waitTimeout)
            implements ForWorkflow {}

    /**
     * Admits an update into the run (or finds the one with the same {@code request.updateId()}, which
     * is required) and waits up to {@code waitTimeout} for it to reach {@code request.waitForStage()};
     * fails with TIMEOUT when it did not, NOT_FOUND when the run is closed.
     */
    record UpdateWorkflowExecution(
            String namespace,
            String workflowId,
            String runId,
            String updateName,
            UpdateWorkflowRequest request,
            Duration waitTimeout)
            implements ForWorkflow {}

    /** Newest first; {@code status} and {@code workflowType} filter when set. */
    record ListWorkflowExecutions(
            String namespace, WorkflowStatus status, String workflowType, int pageSize, String nextPageToken)
            implements HistoryRequest {
        @Override
        public String routingKey() {
            return namespace;
        }
    }

    /** Matching hands a scheduled workflow task to a poller; history records it started. */
    record RecordWorkflowTaskStarted(
            String namespace,
            String workflowId,
            String runId,
            String taskQueue,
            long scheduledEventId,
            String pollRequestId,
            String identity)
            implements ForWorkflow {}

    /** Matching hands a scheduled activity attempt to a poller; history records it started. */
    record RecordActivityTaskStarted(
            String namespace,
            String workflowId,
            String runId,
            String taskQueue,
            long scheduledEventId,
            int attempt,
            String pollRequestId,
            String identity)
            implements ForWorkflow {}

    /**
     * Starts a child for its parent (sent by the parent's outbox relay): a start whose
     * WorkflowExecutionStarted names {@code parent}. The request's id is derived from the parent run
     * and initiated event, so a repeated start answers the run the first one created.
     */
    record StartChildWorkflowExecution(
            String namespace, String workflowId, StartWorkflowRequest request, ParentExecutionInfo parent)
            implements ForWorkflow {}

    /**
     * The command event {@code initiatedEventId} of a run (StartChildWorkflowExecutionInitiated,
     * SignalExternalWorkflowExecutionInitiated or RequestCancelExternalWorkflowExecutionInitiated),
     * with whether the run still waits for its outcome ({@link InitiatedCommand}).
     */
    record GetInitiatedCommand(String namespace, String workflowId, String runId, long initiatedEventId)
            implements ForWorkflow {}

    /**
     * The parent's child {@code initiatedEventId} started as {@code childExecution}:
     * ChildWorkflowExecutionStarted, once. NOT_FOUND when the parent is closed.
     */
    record RecordChildExecutionStarted(
            String namespace, String workflowId, String runId, long initiatedEventId, WorkflowExecution childExecution)
            implements ForWorkflow {}

    /** The parent's child {@code initiatedEventId} could not start: StartChildWorkflowExecutionFailed, once. */
    record RecordStartChildExecutionFailed(
            String namespace, String workflowId, String runId, long initiatedEventId, ExternalWorkflowFailedCause cause)
            implements ForWorkflow {}

    /**
     * The chain of runs of the parent's child {@code initiatedEventId} ended: {@code childExecution}
     * (a run of the chain that started as {@code childFirstRunId}) closed with {@code
     * completionEvent}. The parent records ChildWorkflowExecutionCompleted/Failed/Canceled/TimedOut/
     * Terminated once (and ChildWorkflowExecutionStarted first if it had not heard of the start); a
     * closed parent ignores it.
     */
    record RecordChildExecutionCompleted(
            String namespace,
            String workflowId,
            String runId,
            long initiatedEventId,
            WorkflowExecution childExecution,
            String childFirstRunId,
            HistoryEvent completionEvent)
            implements ForWorkflow {}

    /**
     * The outcome of the run's signal or cancel request {@code initiatedEventId} to another workflow:
     * ExternalWorkflowExecutionSignaled / ExternalWorkflowExecutionCancelRequested when {@code
     * failedCause} is null, else SignalExternalWorkflowExecutionFailed /
     * RequestCancelExternalWorkflowExecutionFailed; once.
     */
    record RecordExternalRequestOutcome(
            String namespace,
            String workflowId,
            String runId,
            long initiatedEventId,
            ExternalWorkflowFailedCause failedCause)
            implements ForWorkflow {}

    record RespondWorkflowTaskCompleted(TaskToken token, CompleteWorkflowTaskRequest request) implements ForTask {}

    record RespondWorkflowTaskFailed(TaskToken token, FailWorkflowTaskRequest request) implements ForTask {}

    record RespondActivityTaskCompleted(TaskToken token, CompleteActivityTaskRequest request) implements ForTask {}

    record RespondActivityTaskFailed(TaskToken token, FailActivityTaskRequest request) implements ForTask {}

    record RecordActivityTaskHeartbeat(TaskToken token, HeartbeatRequest request) implements ForTask {}

    /** The worker stopped the activity as its workflow asked; FAILED_PRECONDITION unless a cancel was requested. */
    record RespondActivityTaskCanceled(TaskToken token, CancelActivityTaskRequest request) implements ForTask {}

    /** Completes the running attempt of an activity named by its id; TASK_NOT_FOUND when none runs. */
    record RespondActivityTaskCompletedById(String namespace, CompleteActivityByIdRequest request)
            implements ForWorkflow {
        @Override
        public String workflowId() {
            return request.workflowId();
        }
    }

    /** Fails the running attempt of an activity named by its id; TASK_NOT_FOUND when none runs. */
    record RespondActivityTaskFailedById(String namespace, FailActivityByIdRequest request) implements ForWorkflow {
        @Override
        public String workflowId() {
            return request.workflowId();
        }
    }

    /** Heartbeats the running attempt of an activity named by its id; TASK_NOT_FOUND when none runs. */
    record RecordActivityTaskHeartbeatById(String namespace, HeartbeatActivityByIdRequest request)
            implements ForWorkflow {
        @Override
        public String workflowId() {
            return request.workflowId();
        }
    }

    /** Reports canceled the running attempt of an activity named by its id, after a cancel was requested. */
    record RespondActivityTaskCanceledById(String namespace, CancelActivityByIdRequest request) implements ForWorkflow {
        @Override
        public String workflowId() {
            return request.workflowId();
        }
    }
}
