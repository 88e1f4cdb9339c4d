package io.perdura.common.service;

import io.perdura.common.api.ActivityTask;
import io.perdura.common.api.QueryResponse;
import io.perdura.common.api.WorkflowTask;
import io.perdura.common.messaging.MessageBus;
import io.perdura.common.messaging.Topics;
import io.perdura.common.service.MatchingRequest.*;
import java.util.concurrent.CompletableFuture;

/** Reaches matching-service over the message bus. */
public final class MatchingClient implements MatchingService {

    private final MessageBus bus;

    public MatchingClient(MessageBus bus) {
        this.bus = bus;
    }

    @SuppressWarnings("unchecked")
    private <R> CompletableFuture<R> call(MatchingRequest request) {
        return (CompletableFuture<R>)
                (CompletableFuture<?>) bus.request(Topics.MATCHING, request.routingKey(), request);
    }

    @Override
    public CompletableFuture<Void> addWorkflowTask(AddWorkflowTask request) {
        return call(request);
    }

    @Override
    public CompletableFuture<Void> addActivityTask(AddActivityTask request) {
        return call(request);
    }

    @Override
    public CompletableFuture<WorkflowTask> pollWorkflowTaskQueue(PollWorkflowTaskQueue request) {
        return call(request);
    }

    @Override
    public CompletableFuture<ActivityTask> pollActivityTaskQueue(PollActivityTaskQueue request) {
        return call(request);
    }

    @Override
    public CompletableFuture<QueryResponse> queryWorkflow(QueryWorkflow request) {
        return call(request);
    }

    @Override
    public CompletableFuture<Void> respondQueryTaskCompleted(RespondQueryTaskCompleted request) {
        return call(request);
    }

    @Override
    public CompletableFuture<Void> cancelPolls(CancelPolls request) {
        return call(request);
    }
}
