package io.perdura.common.service;

import io.perdura.common.api.ActivityTask;
import io.perdura.common.api.QueryResponse;
import io.perdura.common.api.WorkflowTask;
import io.perdura.common.service.MatchingRequest.*;
import java.util.concurrent.CompletableFuture;

/**
 * What matching-service does. Implemented by the matching engine, and by {@link MatchingClient}
 * for callers in other services.
 */
public interface MatchingService {

    CompletableFuture<Void> addWorkflowTask(AddWorkflowTask request);

    CompletableFuture<Void> addActivityTask(AddActivityTask request);

    /** Completes with null when the poll times out with no task. */
    CompletableFuture<WorkflowTask> pollWorkflowTaskQueue(PollWorkflowTaskQueue request);

    /** Completes with null when the poll times out with no task. */
    CompletableFuture<ActivityTask> pollActivityTaskQueue(PollActivityTaskQueue request);

    CompletableFuture<QueryResponse> queryWorkflow(QueryWorkflow request);

    CompletableFuture<Void> respondQueryTaskCompleted(RespondQueryTaskCompleted request);

    /** Answers the waiting polls of one worker identity with no task. */
    CompletableFuture<Void> cancelPolls(CancelPolls request);
}
