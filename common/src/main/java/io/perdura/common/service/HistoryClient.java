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
import io.perdura.common.messaging.MessageBus;
import io.perdura.common.messaging.Topics;
import io.perdura.common.service.HistoryRequest.*;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Reaches history-service over the message bus. A call fails with {@code UNAVAILABLE} when no
 * answer came within the request timeout (plus the wait a result or update request asks for).
 */
public final class HistoryClient implements HistoryService {

    /** How long a call waits for history's answer unless told otherwise. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final MessageBus bus;
    private final Duration requestTimeout;

    public HistoryClient(MessageBus bus) {
        this(bus, DEFAULT_REQUEST_TIMEOUT);
    }

    public HistoryClient(MessageBus bus, Duration requestTimeout) {
        this.bus = bus;
        this.requestTimeout = requestTimeout;
    }

    private <R> CompletableFuture<R> call(HistoryRequest request) {
        return call(request, requestTimeout);
    }

    @SuppressWarnings("unchecked")
    private <R> CompletableFuture<R> call(HistoryRequest request, Duration timeout) {
        return (CompletableFuture<R>)
                (CompletableFuture<?>) bus.request(Topics.HISTORY, request.routingKey(), request, timeout);
    }

    @Override
    public CompletableFuture<StartWorkflowResponse> startWorkflowExecution(StartWorkflowExecution request) {
        return call(request);
    }

    @Override
    public CompletableFuture<Void> signalWorkflowExecution(SignalWorkflowExecution request) {
        return call(request);
    }

    @Override
    public CompletableFuture<StartWorkflowResponse> signalWithStartWorkflowExecution(
            SignalWithStartWorkflowExecution request) {
        return call(request);
    }

    @Override
    public CompletableFuture<Void> requestCancelWorkflowExecution(RequestCancelWorkflowExecution request) {
        return call(request);
    }

    @Override
    public CompletableFuture<Void> terminateWorkflowExecution(TerminateWorkflowExecution request) {
        return call(request);
    }

    @Override
    public CompletableFuture<WorkflowExecutionDescription> describeWorkflowExecution(
            DescribeWorkflowExecution request) {
        return call(request);
    }

    @Override
    public CompletableFuture<HistoryPage> getWorkflowExecutionHistory(GetWorkflowExecutionHistory request) {
        return call(request);
    }

    @Override
    public CompletableFuture<WorkflowResult> getWorkflowExecutionResult(GetWorkflowExecutionResult request) {
        return call(
                request,
                request.waitTimeout() == null
                        ? requestTimeout
                        : request.waitTimeout().plus(requestTimeout));
    }

    @Override
    public CompletableFuture<Void> awaitEventsProcessed(AwaitEventsProcessed request) {
        return call(
                request,
                request.waitTimeout() == null
                        ? requestTimeout
                        : request.waitTimeout().plus(requestTimeout));
    }

    @Override
    public CompletableFuture<WorkflowExecutionPage> listWorkflowExecutions(ListWorkflowExecutions request) {
        return call(request);
    }

    @Override
    public CompletableFuture<UpdateWorkflowResponse> updateWorkflowExecution(UpdateWorkflowExecution request) {
        return call(
                request,
                request.waitTimeout() == null
                        ? requestTimeout
                        : request.waitTimeout().plus(requestTimeout));
    }

    @Override
    public CompletableFuture<WorkflowTask> recordWorkflowTaskStarted(RecordWorkflowTaskStarted request) {
        return call(request);
    }

    @Override
    public CompletableFuture<ActivityTask> recordActivityTaskStarted(RecordActivityTaskStarted request) {
        return call(request);
    }

    @Override
    public CompletableFuture<CompleteWorkflowTaskResponse> respondWorkflowTaskCompleted(
            RespondWorkflowTaskCompleted request) {
        return call(request);
    }

    @Override
    public CompletableFuture<Void> respondWorkflowTaskFailed(RespondWorkflowTaskFailed request) {
        return call(request);
    }

    @Override
    public CompletableFuture<Void> respondActivityTaskCompleted(RespondActivityTaskCompleted request) {
        return call(request);
    }

    @Override
    public CompletableFuture<Void> respondActivityTaskFailed(RespondActivityTaskFailed request) {
        return call(request);
    }

    @Override
    public CompletableFuture<HeartbeatResponse> recordActivityTaskHeartbeat(RecordActivityTaskHeartbeat request) {
        return call(request);
    }

    @Override
    public CompletableFuture<Void> respondActivityTaskCanceled(RespondActivityTaskCanceled request) {
        return call(request);
    }

    @Override
    public CompletableFuture<Void> respondActivityTaskCompletedById(RespondActivityTaskCompletedById request) {
        return call(request);
    }

    @Override
    public CompletableFuture<Void> respondActivityTaskFailedById(RespondActivityTaskFailedById request) {
        return call(request);
    }

    @Override
    public CompletableFuture<HeartbeatResponse> recordActivityTaskHeartbeatById(
            RecordActivityTaskHeartbeatById request) {
        return call(request);
    }

    @Override
    public CompletableFuture<Void> respondActivityTaskCanceledById(RespondActivityTaskCanceledById request) {
        return call(request);
    }

    @Override
    public CompletableFuture<StartWorkflowResponse> startChildWorkflowExecution(StartChildWorkflowExecution request) {
        return call(request);
    }

    @Override
    public CompletableFuture<InitiatedCommand> getInitiatedCommand(GetInitiatedCommand request) {
        return call(request);
    }

    @Override
    public CompletableFuture<Void> recordChildExecutionStarted(RecordChildExecutionStarted request) {
        return call(request);
    }

    @Override
    public CompletableFuture<Void> recordStartChildExecutionFailed(RecordStartChildExecutionFailed request) {
        return call(request);
    }

    @Override
    public CompletableFuture<Void> recordChildExecutionCompleted(RecordChildExecutionCompleted request) {
        return call(request);
    }

    @Override
    public CompletableFuture<Void> recordExternalRequestOutcome(RecordExternalRequestOutcome request) {
        return call(request);
    }
}
