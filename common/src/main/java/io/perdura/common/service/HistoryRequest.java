package io.perdura.common.service;

import io.perdura.common.api.CancelRequest;
import io.perdura.common.api.CompleteActivityTaskRequest;
import io.perdura.common.api.CompleteWorkflowTaskRequest;
import io.perdura.common.api.FailActivityTaskRequest;
import io.perdura.common.api.FailWorkflowTaskRequest;
import io.perdura.common.api.HeartbeatRequest;
import io.perdura.common.api.SignalRequest;
import io.perdura.common.api.SignalWithStartRequest;
import io.perdura.common.api.StartWorkflowRequest;
import io.perdura.common.api.TaskToken;
import io.perdura.common.api.TerminateRequest;
import io.perdura.common.api.UpdateWorkflowRequest;
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

    record SignalWorkflowExecution(
            String namespace, String workflowId, String runId, String signalName, SignalRequest request)
            implements ForWorkflow {}

    /** Signals the running run, or starts one (with the signal after WorkflowExecutionStarted), atomically. */
    record SignalWithStartWorkflowExecution(
            String namespace, String workflowId, String signalName, SignalWithStartRequest request)
            implements ForWorkflow {}

    /** Asks the run to cancel: WorkflowExecutionCancelRequested; a repeated request changes nothing. */
    record RequestCancelWorkflowExecution(String namespace, String workflowId, String runId, CancelRequest request)
            implements ForWorkflow {}

    record TerminateWorkflowExecution(String namespace, String workflowId, String runId, TerminateRequest request)
            implements ForWorkflow {}

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

    record RespondWorkflowTaskCompleted(TaskToken token, CompleteWorkflowTaskRequest request) implements ForTask {}

    record RespondWorkflowTaskFailed(TaskToken token, FailWorkflowTaskRequest request) implements ForTask {}

    record RespondActivityTaskCompleted(TaskToken token, CompleteActivityTaskRequest request) implements ForTask {}

    record RespondActivityTaskFailed(TaskToken token, FailActivityTaskRequest request) implements ForTask {}

    record RecordActivityTaskHeartbeat(TaskToken token, HeartbeatRequest request) implements ForTask {}
}
