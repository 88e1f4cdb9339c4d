package io.perdura.sdk.internal.client;

import io.perdura.common.api.ApiPaths;
import io.perdura.common.api.CancelActivityByIdRequest;
import io.perdura.common.api.CancelActivityTaskRequest;
import io.perdura.common.api.CompleteActivityByIdRequest;
import io.perdura.common.api.CompleteActivityTaskRequest;
import io.perdura.common.api.FailActivityByIdRequest;
import io.perdura.common.api.FailActivityTaskRequest;
import io.perdura.common.api.HeartbeatActivityByIdRequest;
import io.perdura.common.api.HeartbeatRequest;
import io.perdura.common.api.HeartbeatResponse;
import io.perdura.common.error.ErrorType;
import io.perdura.sdk.client.ActivityCanceledException;
import io.perdura.sdk.client.ActivityCompletionClient;
import io.perdura.sdk.client.ActivityCompletionException;
import io.perdura.sdk.client.ActivityCompletionFailureException;
import io.perdura.sdk.client.ActivityNotExistsException;
import io.perdura.sdk.client.WorkflowServiceException;
import io.perdura.sdk.common.converter.DataConverter;
import io.perdura.sdk.internal.common.FailureConverter;
import io.perdura.sdk.internal.common.TaskTokens;
import io.perdura.sdk.internal.http.PerduraHttp;
import io.perdura.sdk.internal.http.RpcRetryer;
import io.perdura.sdk.internal.worker.TaskAnswers;
import java.util.Objects;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * {@link ActivityCompletionClient} over the REST API: by token through the worker's activity-task
 * endpoints, by id through {@code activities/*-by-id}. Answers go through transient failures (a
 * repeat the server refuses as no longer current counts as delivered when an earlier try may have
 * arrived); heartbeats are retried too.
 */
public final class DefaultActivityCompletionClient implements ActivityCompletionClient {

    private final PerduraHttp http;
    private final DataConverter converter;
    private final RpcRetryer retryer;
    private final TaskAnswers answers;
    private final String identity;

    public DefaultActivityCompletionClient(PerduraHttp http, DataConverter converter, String identity) {
        this.http = http;
        this.converter = converter;
        this.retryer = new RpcRetryer(http, new java.util.concurrent.CompletableFuture<>());
        this.answers = new TaskAnswers(http, retryer);
        this.identity = identity;
    }

    @Override
    public <R> void complete(byte[] taskToken, R result) {
        String token = TaskTokens.fromBytes(taskToken);
        answer(
                null,
                () -> answers.send(
                        "RespondActivityTaskCompleted",
                        http.path(ApiPaths.ACTIVITY_TASK_COMPLETE),
                        new CompleteActivityTaskRequest(token, converter.toPayload(result), identity),
                        null));
    }

    @Override
    public <R> void complete(String workflowId, String runId, String activityId, R result) {
        requireIds(workflowId, activityId);
        answer(
                activityId,
                () -> answers.send(
                        "RespondActivityTaskCompletedById",
                        http.path(ApiPaths.ACTIVITY_COMPLETE_BY_ID),
                        new CompleteActivityByIdRequest(
                                workflowId, runId, activityId, converter.toPayload(result), identity),
                        null));
    }

    @Override
    public void completeExceptionally(byte[] taskToken, Exception result) {
        String token = TaskTokens.fromBytes(taskToken);
        Objects.requireNonNull(result, "result");
        answer(
                null,
                () -> answers.send(
                        "RespondActivityTaskFailed",
                        http.path(ApiPaths.ACTIVITY_TASK_FAIL),
                        new FailActivityTaskRequest(token, FailureConverter.toFailure(result), identity),
                        null));
    }

    @Override
    public void completeExceptionally(String workflowId, String runId, String activityId, Exception result) {
        requireIds(workflowId, activityId);
        Objects.requireNonNull(result, "result");
        answer(
                activityId,
                () -> answers.send(
                        "RespondActivityTaskFailedById",
                        http.path(ApiPaths.ACTIVITY_FAIL_BY_ID),
                        new FailActivityByIdRequest(
                                workflowId, runId, activityId, FailureConverter.toFailure(result), identity, null),
                        null));
    }

    @Override
    public <V> void reportCancellation(byte[] taskToken, V details) {
        String token = TaskTokens.fromBytes(taskToken);
        answer(
                null,
                () -> answers.send(
                        "RespondActivityTaskCanceled",
                        http.path(ApiPaths.ACTIVITY_TASK_CANCEL),
                        new CancelActivityTaskRequest(token, payload(details), identity),
                        null));
    }

    @Override
    public <V> void reportCancellation(String workflowId, String runId, String activityId, V details) {
        requireIds(workflowId, activityId);
        answer(
                activityId,
                () -> answers.send(
                        "RespondActivityTaskCanceledById",
                        http.path(ApiPaths.ACTIVITY_CANCEL_BY_ID),
                        new CancelActivityByIdRequest(workflowId, runId, activityId, payload(details), identity),
                        null));
    }

    @Override
    public <V> void heartbeat(byte[] taskToken, V details) {
        String token = TaskTokens.fromBytes(taskToken);
        HeartbeatRequest request = new HeartbeatRequest(token, payload(details));
        sendHeartbeat(
                null,
                () -> http.post(http.path(ApiPaths.ACTIVITY_TASK_HEARTBEAT), request, PerduraHttp.REQUEST_TIMEOUT));
    }

    @Override
    public <V> void heartbeat(String workflowId, String runId, String activityId, V details) {
        requireIds(workflowId, activityId);
        var request = new HeartbeatActivityByIdRequest(workflowId, runId, activityId, payload(details), identity);
        sendHeartbeat(
                activityId,
                () -> http.post(http.path(ApiPaths.ACTIVITY_HEARTBEAT_BY_ID), request, PerduraHttp.REQUEST_TIMEOUT));
    }

    private void sendHeartbeat(String activityId, Supplier<PerduraHttp.Response> post) {
        HeartbeatResponse answer = call(
                activityId,
                () -> retryer.call("RecordActivityTaskHeartbeat", attempt -> post.get())
                        .read(HeartbeatResponse.class));
        if (answer != null && answer.cancelRequested()) {
            throw new ActivityCanceledException();
        }
    }

    private static void answer(String activityId, Runnable send) {
        call(activityId, () -> {
            send.run();
            return null;
        });
    }

    /** The server's refusals as Temporal's completion exceptions. */
    private static <T> T call(String activityId, Supplier<T> call) {
        try {
            return call.get();
        } catch (WorkflowServiceException e) {
            throw translate(activityId, e);
        }
    }

    private static ActivityCompletionException translate(String activityId, WorkflowServiceException e) {
        boolean gone = e.getErrorType() == ErrorType.TASK_NOT_FOUND || e.getErrorType() == ErrorType.NOT_FOUND;
        if (activityId == null) {
            return gone ? new ActivityNotExistsException(e) : new ActivityCompletionFailureException(e);
        }
        return gone
                ? new ActivityNotExistsException(activityId, e)
                : new ActivityCompletionFailureException(activityId, e);
    }

    private JsonNode payload(Object details) {
        return details == null ? null : converter.toPayload(details);
    }

    private static void requireIds(String workflowId, String activityId) {
        if (workflowId == null || workflowId.isBlank()) {
            throw new IllegalArgumentException("workflowId is required");
        }
        if (activityId == null || activityId.isBlank()) {
            throw new IllegalArgumentException("activityId is required");
        }
    }
}
