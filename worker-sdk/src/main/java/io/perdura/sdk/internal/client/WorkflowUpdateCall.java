package io.perdura.sdk.internal.client;

import io.perdura.common.api.ApiPaths;
import io.perdura.common.api.UpdateStage;
import io.perdura.common.api.UpdateWorkflowRequest;
import io.perdura.common.api.UpdateWorkflowResponse;
import io.perdura.common.error.ErrorType;
import io.perdura.common.json.Durations;
import io.perdura.common.model.Failure;
import io.perdura.sdk.client.UpdateOptions;
import io.perdura.sdk.client.WorkflowExecution;
import io.perdura.sdk.client.WorkflowServiceException;
import io.perdura.sdk.client.WorkflowUpdateException;
import io.perdura.sdk.client.WorkflowUpdateHandle;
import io.perdura.sdk.client.WorkflowUpdateStage;
import io.perdura.sdk.common.converter.DataConverter;
import io.perdura.sdk.internal.common.FailureConverter;
import io.perdura.sdk.internal.http.PerduraHttp;
import io.perdura.sdk.internal.http.RpcRetryer;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * One update over the REST API. Every call for it carries the same update id and arguments, so it
 * is safe to repeat: the server answers a repeat with the first update's outcome, or lets it wait for
 * it; so the call is retried through timeouts (the server's wait ran out), unavailability (a history
 * owner moved, or the workflow continued as a new run before it accepted the update) and rate limits,
 * until the update reaches the stage asked for or the caller's time is up.
 */
final class WorkflowUpdateCall<R> {

    private final PerduraHttp http;
    private final RpcRetryer retryer;
    private final WorkflowExecution execution;
    private final UpdateOptions<R> options;
    private final String updateId;
    private final JsonNode input;
    private final DataConverter converter;
    private final String identity;

    WorkflowUpdateCall(
            PerduraHttp http,
            RpcRetryer retryer,
            WorkflowExecution execution,
            UpdateOptions<R> options,
            String updateId,
            JsonNode input,
            DataConverter converter,
            String identity) {
        this.http = http;
        this.retryer = retryer;
        this.execution = execution;
        this.options = options;
        this.updateId = updateId;
        this.input = input;
        this.converter = converter;
        this.identity = identity;
    }

    WorkflowExecution execution() {
        return execution;
    }

    String updateId() {
        return updateId;
    }

    /**
     * Sends the update and waits for the stage of the options; a handle on it then. A rejection
     * throws {@link WorkflowUpdateException}; a handler failure is the handle's result.
     */
    WorkflowUpdateHandle<R> start() {
        UpdateStage stage = options.getWaitForStage() == WorkflowUpdateStage.ACCEPTED
                ? UpdateStage.ACCEPTED
                : UpdateStage.COMPLETED;
        UpdateWorkflowResponse response = send(stage, null);
        if (response.stage() == UpdateStage.ACCEPTED) {
            return DefaultWorkflowUpdateHandle.accepted(this);
        }
        try {
            return DefaultWorkflowUpdateHandle.completed(this, outcome(response));
        } catch (WorkflowUpdateException e) {
            if (response.stage() == UpdateStage.REJECTED) {
                throw e;
            }
            return DefaultWorkflowUpdateHandle.failed(this, e);
        }
    }

    /** Waits for the update's outcome, at most {@code within} (null: as long as it takes). */
    R result(Duration within) {
        return outcome(send(UpdateStage.COMPLETED, within));
    }

    private UpdateWorkflowResponse send(UpdateStage stage, Duration within) {
        String path = PerduraHttp.param(
                http.path(ApiPaths.WORKFLOW_UPDATE, execution.workflowId(), options.getUpdateName()),
                "runId",
                execution.runId());
        UpdateWorkflowRequest request = new UpdateWorkflowRequest(input, updateId, stage, identity);
        long start = System.nanoTime();
        try {
            UpdateWorkflowResponse response = retryer.callUntil(
                            "UpdateWorkflowExecution",
                            within,
                            attempt -> http.post(path, request, httpTimeout(start, within)))
                    .read(UpdateWorkflowResponse.class);
            if (response == null || response.stage() == null) {
                throw new WorkflowServiceException(
                        ErrorType.INTERNAL, "the server answered update " + updateId + " without a stage");
            }
            return response;
        } catch (WorkflowServiceException e) {
            if (within != null && e.isRetryable() && System.nanoTime() - start >= within.toNanos()) {
                throw new WorkflowServiceException(
                        ErrorType.TIMEOUT,
                        "update " + updateId + " did not reach " + stage + " within " + Durations.format(within),
                        e);
            }
            throw e;
        }
    }

    /** The HTTP timeout of one attempt: the server's longest wait, or what is left of the caller's. */
    private static Duration httpTimeout(long start, Duration within) {
        if (within == null) {
            return PerduraHttp.LONG_POLL_TIMEOUT;
        }
        Duration left = within.minusNanos(System.nanoTime() - start);
        if (left.compareTo(PerduraHttp.LONG_POLL_TIMEOUT) > 0) {
            return PerduraHttp.LONG_POLL_TIMEOUT;
        }
        return left.toMillis() < 1 ? Duration.ofMillis(1) : left;
    }

    /** The result of a completed update, or the {@link WorkflowUpdateException} of a failed or rejected one. */
    private R outcome(UpdateWorkflowResponse response) {
        switch (response.stage()) {
            case COMPLETED -> {
                if (response.failure() != null) {
                    throw failed(response.failure());
                }
                return converter.fromPayload(response.result(), options.getResultClass(), options.getResultType());
            }
            case REJECTED -> throw failed(response.failure());
            default ->
                throw new WorkflowServiceException(
                        ErrorType.INTERNAL,
                        "the server answered update " + updateId + " with stage " + response.stage()
                                + " when it was asked for its outcome");
        }
    }

    private WorkflowUpdateException failed(Failure failure) {
        return new WorkflowUpdateException(
                execution, updateId, options.getUpdateName(), FailureConverter.toException(failure));
    }
}
