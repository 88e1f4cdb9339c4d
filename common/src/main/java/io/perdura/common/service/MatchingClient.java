package io.perdura.common.service;

import io.perdura.common.api.ActivityTask;
import io.perdura.common.api.QueryResponse;
import io.perdura.common.api.WorkflowTask;
import io.perdura.common.messaging.MessageBus;
import io.perdura.common.messaging.Topics;
import io.perdura.common.service.MatchingRequest.*;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Reaches matching-service over the message bus. A call fails with {@code UNAVAILABLE} when no
 * answer came within the request timeout (plus the wait a poll or query asks for).
 */
public final class MatchingClient implements MatchingService {

    private final MessageBus bus;
    private final Duration requestTimeout;

    public MatchingClient(MessageBus bus) {
        this(bus, HistoryClient.DEFAULT_REQUEST_TIMEOUT);
    }

    public MatchingClient(MessageBus bus, Duration requestTimeout) {
        this.bus = bus;
        this.requestTimeout = requestTimeout;
    }

    /** The request timeout plus the wait a request asks for, if it asks for one. */
    private Duration longer(Duration wait) {
        return wait == null ? requestTimeout : wait.plus(requestTimeout);
    }

    private <R> CompletableFuture<R> call(MatchingRequest request) {
        return call(request, requestTimeout);
    }

    @SuppressWarnings("unchecked")
    private <R> CompletableFuture<R> call(MatchingRequest request, Duration timeout) {
        return (CompletableFuture<R>)
                (CompletableFuture<?>) bus.request(Topics.MATCHING, request.routingKey(), request, timeout);
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
        return call(request, longer(request.timeout()));
    }

    @Override
    public CompletableFuture<ActivityTask> pollActivityTaskQueue(PollActivityTaskQueue request) {
        return call(request, longer(request.timeout()));
    }

    @Override
    public CompletableFuture<QueryResponse> queryWorkflow(QueryWorkflow request) {
        return call(request, longer(request.timeout()));
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
