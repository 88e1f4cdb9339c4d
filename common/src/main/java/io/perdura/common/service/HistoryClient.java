package io.perdura.common.service;

import io.perdura.common.api.ActivityTask;
import io.perdura.common.api.HeartbeatResponse;
import io.perdura.common.api.HistoryPage;
import io.perdura.common.api.StartWorkflowResponse;
import io.perdura.common.api.WorkflowExecutionDescription;
import io.perdura.common.api.WorkflowExecutionPage;
import io.perdura.common.api.WorkflowResult;
import io.perdura.common.api.WorkflowTask;
import io.perdura.common.messaging.MessageBus;
import io.perdura.common.messaging.Topics;
import io.perdura.common.service.HistoryRequest.*;
import java.util.concurrent.CompletableFuture;

/** Reaches history-service over the message bus. */
public final class HistoryClient implements HistoryService {

    private final MessageBus bus;

    public HistoryClient(MessageBus bus) {
        this.bus = bus;
    }

    @SuppressWarnings("unchecked")
    private <R> CompletableFuture<R> call(HistoryRequest request) {
        return (CompletableFuture<R>) (CompletableFuture<?>) bus.request(Topics.HISTORY, request.routingKey(), request);
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
        return call(request);
    }

    @Override
    public CompletableFuture<WorkflowExecutionPage> listWorkflowExecutions(ListWorkflowExecutions request) {
        return call(request);
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
    public CompletableFuture<Void> respondWorkflowTaskCompleted(RespondWorkflowTaskCompleted request) {
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
}
