package io.perdura.common.service;

import io.perdura.common.api.ActivityTask;
import io.perdura.common.api.CompleteWorkflowTaskResponse;
import io.perdura.common.api.HeartbeatResponse;
import io.perdura.common.api.HistoryPage;
import io.perdura.common.api.StartWorkflowResponse;
import io.perdura.common.api.UpdateWorkflowResponse;
import io.perdura.common.api.WorkflowExecutionDescription;
import io.perdura.common.api.WorkflowExecutionPage;
import io.perdura.common.api.WorkflowResult;
import io.perdura.common.api.WorkflowTask;
import io.perdura.common.service.HistoryRequest.*;
import java.util.concurrent.CompletableFuture;

/**
 * What history-service does. Implemented by the history engine, and by {@link HistoryClient} for
 * callers in other services, which reach the engine over the {@link
 * io.perdura.common.messaging.MessageBus}.
 */
public interface HistoryService {

    CompletableFuture<StartWorkflowResponse> startWorkflowExecution(StartWorkflowExecution request);

    CompletableFuture<Void> signalWorkflowExecution(SignalWorkflowExecution request);

    /** The run signalled or started (started false when a running run was signalled). */
    CompletableFuture<StartWorkflowResponse> signalWithStartWorkflowExecution(SignalWithStartWorkflowExecution request);

    CompletableFuture<Void> requestCancelWorkflowExecution(RequestCancelWorkflowExecution request);

    CompletableFuture<Void> terminateWorkflowExecution(TerminateWorkflowExecution request);

    CompletableFuture<WorkflowExecutionDescription> describeWorkflowExecution(DescribeWorkflowExecution request);

    CompletableFuture<HistoryPage> getWorkflowExecutionHistory(GetWorkflowExecutionHistory request);

    CompletableFuture<WorkflowResult> getWorkflowExecutionResult(GetWorkflowExecutionResult request);

    CompletableFuture<Void> awaitEventsProcessed(AwaitEventsProcessed request);

    CompletableFuture<WorkflowExecutionPage> listWorkflowExecutions(ListWorkflowExecutions request);

    /** The stage the update reached (ACCEPTED, COMPLETED or REJECTED); TIMEOUT when its wait ran out first. */
    CompletableFuture<UpdateWorkflowResponse> updateWorkflowExecution(UpdateWorkflowExecution request);

    /** The task with its whole history; fails with TASK_NOT_FOUND when it is no longer current. */
    CompletableFuture<WorkflowTask> recordWorkflowTaskStarted(RecordWorkflowTaskStarted request);

    /** Fails with TASK_NOT_FOUND when the attempt is no longer current. */
    CompletableFuture<ActivityTask> recordActivityTaskStarted(RecordActivityTaskStarted request);

    /** The activity attempts history started eagerly for the completing worker (none unless it asked). */
    CompletableFuture<CompleteWorkflowTaskResponse> respondWorkflowTaskCompleted(RespondWorkflowTaskCompleted request);

    CompletableFuture<Void> respondWorkflowTaskFailed(RespondWorkflowTaskFailed request);

    CompletableFuture<Void> respondActivityTaskCompleted(RespondActivityTaskCompleted request);

    CompletableFuture<Void> respondActivityTaskFailed(RespondActivityTaskFailed request);

    CompletableFuture<HeartbeatResponse> recordActivityTaskHeartbeat(RecordActivityTaskHeartbeat request);

    /** Fails with FAILED_PRECONDITION when no cancel was requested. */
    CompletableFuture<Void> respondActivityTaskCanceled(RespondActivityTaskCanceled request);

    /** The by-id answers fail with TASK_NOT_FOUND when no attempt of the activity is running. */
    CompletableFuture<Void> respondActivityTaskCompletedById(RespondActivityTaskCompletedById request);

    CompletableFuture<Void> respondActivityTaskFailedById(RespondActivityTaskFailedById request);

    CompletableFuture<HeartbeatResponse> recordActivityTaskHeartbeatById(RecordActivityTaskHeartbeatById request);

    CompletableFuture<Void> respondActivityTaskCanceledById(RespondActivityTaskCanceledById request);

    /** The child's run (started true), or the run a repeated request started before; ALREADY_STARTED when the id is taken. */
    CompletableFuture<StartWorkflowResponse> startChildWorkflowExecution(StartChildWorkflowExecution request);

    CompletableFuture<InitiatedCommand> getInitiatedCommand(GetInitiatedCommand request);

    CompletableFuture<Void> recordChildExecutionStarted(RecordChildExecutionStarted request);

    CompletableFuture<Void> recordStartChildExecutionFailed(RecordStartChildExecutionFailed request);

    CompletableFuture<Void> recordChildExecutionCompleted(RecordChildExecutionCompleted request);

    CompletableFuture<Void> recordExternalRequestOutcome(RecordExternalRequestOutcome request);
}
