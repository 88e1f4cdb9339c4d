package io.perdura.frontend.worker;

import io.perdura.common.api.ApiPaths;
import io.perdura.common.api.CancelActivityByIdRequest;
import io.perdura.common.api.CompleteActivityByIdRequest;
import io.perdura.common.api.FailActivityByIdRequest;
import io.perdura.common.api.HeartbeatActivityByIdRequest;
import io.perdura.common.api.HeartbeatResponse;
import io.perdura.common.error.ErrorType;
import io.perdura.common.error.PerduraException;
import io.perdura.common.service.HistoryRequest.RecordActivityTaskHeartbeatById;
import io.perdura.common.service.HistoryRequest.RespondActivityTaskCanceledById;
import io.perdura.common.service.HistoryRequest.RespondActivityTaskCompletedById;
import io.perdura.common.service.HistoryRequest.RespondActivityTaskFailedById;
import io.perdura.frontend.backend.Backends;
import io.perdura.frontend.openapi.ProblemResponse;
import io.perdura.frontend.validation.Validate;
import io.perdura.frontend.web.RequestMdc;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Asynchronous completion by id, as Temporal's {@code …ById} calls: whoever finishes an activity
 * outside the worker that took it names it by workflow id, run id (absent: the current run) and
 * activity id, and the answer goes to its running attempt.
 */
@RestController
@Tag(
        name = "Activities",
        description =
                "Complete, fail, heartbeat or report canceled a running activity by its workflow and activity" + " id")
class ActivityByIdController {

    private static final String NOT_RUNNING =
            "no attempt of the activity is running (not started yet, closed, timed out), or the run is closed";

    private final Backends backends;

    ActivityByIdController(Backends backends) {
        this.backends = backends;
    }

    @PostMapping(path = ApiPaths.ACTIVITY_COMPLETE_BY_ID)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            operationId = "completeActivityById",
            summary = "Complete an activity by id",
            description = "Reports the result of the running attempt of the activity.")
    @ApiResponse(responseCode = "204", description = "Recorded")
    @ProblemResponse(value = ErrorType.TASK_NOT_FOUND, when = NOT_RUNNING)
    @ProblemResponse(value = ErrorType.NOT_FOUND, when = "no such workflow or run")
    void complete(
            @PathVariable @Parameter(description = "Namespace") String namespace,
            @RequestBody CompleteActivityByIdRequest body) {
        CompleteActivityByIdRequest request = Validate.body(body);
        validate(namespace, request.workflowId(), request.runId(), request.activityId(), request.identity());
        backends.await(
                backends.history()
                        .respondActivityTaskCompletedById(new RespondActivityTaskCompletedById(namespace, request)),
                "history (complete activity by id)");
    }

    @PostMapping(path = ApiPaths.ACTIVITY_FAIL_BY_ID)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            operationId = "failActivityById",
            summary = "Fail an activity by id",
            description = "Reports that the running attempt of the activity failed; the server retries it according"
                    + " to its retry policy.")
    @ApiResponse(responseCode = "204", description = "Recorded")
    @ProblemResponse(value = ErrorType.TASK_NOT_FOUND, when = NOT_RUNNING)
    @ProblemResponse(value = ErrorType.NOT_FOUND, when = "no such workflow or run")
    void fail(
            @PathVariable @Parameter(description = "Namespace") String namespace,
            @RequestBody FailActivityByIdRequest body) {
        FailActivityByIdRequest request = Validate.body(body);
        validate(namespace, request.workflowId(), request.runId(), request.activityId(), request.identity());
        if (request.failure() == null) {
            throw PerduraException.invalidArgument("failure is required");
        }
        backends.await(
                backends.history().respondActivityTaskFailedById(new RespondActivityTaskFailedById(namespace, request)),
                "history (fail activity by id)");
    }

    @PostMapping(path = ApiPaths.ACTIVITY_HEARTBEAT_BY_ID, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "heartbeatActivityById",
            summary = "Heartbeat an activity by id",
            description = "Tells the server the running attempt of the activity is alive, with optional progress"
                    + " details; the answer says whether its workflow asked it to cancel.")
    @ProblemResponse(value = ErrorType.TASK_NOT_FOUND, when = NOT_RUNNING)
    @ProblemResponse(value = ErrorType.NOT_FOUND, when = "no such workflow or run")
    HeartbeatResponse heartbeat(
            @PathVariable @Parameter(description = "Namespace") String namespace,
            @RequestBody HeartbeatActivityByIdRequest body) {
        HeartbeatActivityByIdRequest request = Validate.body(body);
        validate(namespace, request.workflowId(), request.runId(), request.activityId(), request.identity());
        return backends.await(
                backends.history()
                        .recordActivityTaskHeartbeatById(new RecordActivityTaskHeartbeatById(namespace, request)),
                "history (heartbeat activity by id)");
    }

    @PostMapping(path = ApiPaths.ACTIVITY_CANCEL_BY_ID)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            operationId = "cancelActivityById",
            summary = "Report an activity canceled by id",
            description = "Reports that the running attempt of the activity stopped because its workflow asked it"
                    + " to cancel. Only valid after a cancel request.")
    @ApiResponse(responseCode = "204", description = "Recorded")
    @ProblemResponse(value = ErrorType.TASK_NOT_FOUND, when = NOT_RUNNING)
    @ProblemResponse(value = ErrorType.NOT_FOUND, when = "no such workflow or run")
    @ProblemResponse(value = ErrorType.FAILED_PRECONDITION, when = "the workflow did not ask to cancel the activity")
    void cancel(
            @PathVariable @Parameter(description = "Namespace") String namespace,
            @RequestBody CancelActivityByIdRequest body) {
        CancelActivityByIdRequest request = Validate.body(body);
        validate(namespace, request.workflowId(), request.runId(), request.activityId(), request.identity());
        backends.await(
                backends.history()
                        .respondActivityTaskCanceledById(new RespondActivityTaskCanceledById(namespace, request)),
                "history (cancel activity by id)");
    }

    private static void validate(
            String namespace, String workflowId, String runId, String activityId, String identity) {
        Validate.name("namespace", namespace);
        Validate.name("workflowId", workflowId);
        Validate.optionalName("runId", runId);
        Validate.name("activityId", activityId);
        Validate.optionalName("identity", identity);
        RequestMdc.putWorkflow(workflowId, runId);
    }
}
