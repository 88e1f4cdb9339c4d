package io.perdura.frontend.worker;

import io.perdura.common.api.ActivityTask;
import io.perdura.common.api.ApiPaths;
import io.perdura.common.api.CancelActivityTaskRequest;
import io.perdura.common.api.CompleteActivityTaskRequest;
import io.perdura.common.api.FailActivityTaskRequest;
import io.perdura.common.api.HeartbeatRequest;
import io.perdura.common.api.HeartbeatResponse;
import io.perdura.common.api.PollRequest;
import io.perdura.common.api.TaskToken;
import io.perdura.common.error.ErrorType;
import io.perdura.common.error.PerduraException;
import io.perdura.common.service.HistoryRequest.RecordActivityTaskHeartbeat;
import io.perdura.common.service.HistoryRequest.RespondActivityTaskCanceled;
import io.perdura.common.service.HistoryRequest.RespondActivityTaskCompleted;
import io.perdura.common.service.HistoryRequest.RespondActivityTaskFailed;
import io.perdura.common.service.MatchingRequest.PollActivityTaskQueue;
import io.perdura.frontend.backend.Backends;
import io.perdura.frontend.openapi.ProblemResponse;
import io.perdura.frontend.validation.Validate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Workers poll for activity tasks here, heartbeat while they run, and report their outcome: a
 * result, a failure, or (once the workflow asked) that they stopped.
 */
@RestController
@Tag(name = "Activity tasks", description = "Worker API: run activities and report their outcome")
class ActivityTaskController {

    private final Backends backends;

    ActivityTaskController(Backends backends) {
        this.backends = backends;
    }

    @PostMapping(path = ApiPaths.ACTIVITY_TASK_POLL, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "pollActivityTask",
            summary = "Long-poll for an activity task",
            description = "Waits up to `perdura.frontend.long-poll-timeout` (default 60s) for an activity task of the"
                    + " queue.")
    @ApiResponse(
            responseCode = "200",
            description = "An activity attempt to run",
            content = @Content(schema = @Schema(implementation = ActivityTask.class)))
    @ApiResponse(responseCode = "204", description = "The poll timed out with no task; poll again")
    ResponseEntity<ActivityTask> poll(
            @PathVariable @Parameter(description = "Namespace") String namespace,
            @PathVariable @Parameter(description = "Task queue to poll") String taskQueue,
            @RequestBody(required = false) PollRequest body) {
        return LongPolls.await(
                backends,
                namespace,
                taskQueue,
                body,
                (identity, pollRequestId, timeout) -> backends.matching()
                        .pollActivityTaskQueue(
                                new PollActivityTaskQueue(namespace, taskQueue, identity, pollRequestId, timeout)),
                "matching (activity task poll)");
    }

    @PostMapping(path = ApiPaths.ACTIVITY_TASK_COMPLETE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            operationId = "completeActivityTask",
            summary = "Complete an activity task",
            description = "Reports the activity's result.")
    @ApiResponse(responseCode = "204", description = "Recorded")
    @ProblemResponse(value = ErrorType.TASK_NOT_FOUND, when = "the attempt is no longer current (timed out, answered)")
    void complete(
            @PathVariable @Parameter(description = "Namespace") String namespace,
            @RequestBody CompleteActivityTaskRequest body) {
        Validate.name("namespace", namespace);
        CompleteActivityTaskRequest request = Validate.body(body);
        TaskToken token = TaskTokens.decode(namespace, request.taskToken(), TaskToken.Kind.ACTIVITY);
        Validate.optionalName("identity", request.identity());
        backends.await(
                backends.history().respondActivityTaskCompleted(new RespondActivityTaskCompleted(token, request)),
                "history (complete activity task)");
    }

    @PostMapping(path = ApiPaths.ACTIVITY_TASK_FAIL)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            operationId = "failActivityTask",
            summary = "Fail an activity task",
            description = "Reports that the attempt failed; the server retries it according to its retry policy.")
    @ApiResponse(responseCode = "204", description = "Recorded")
    @ProblemResponse(value = ErrorType.TASK_NOT_FOUND, when = "the attempt is no longer current (timed out, answered)")
    void fail(
            @PathVariable @Parameter(description = "Namespace") String namespace,
            @RequestBody FailActivityTaskRequest body) {
        Validate.name("namespace", namespace);
        FailActivityTaskRequest request = Validate.body(body);
        TaskToken token = TaskTokens.decode(namespace, request.taskToken(), TaskToken.Kind.ACTIVITY);
        if (request.failure() == null) {
            throw PerduraException.invalidArgument("failure is required");
        }
        Validate.optionalName("identity", request.identity());
        backends.await(
                backends.history().respondActivityTaskFailed(new RespondActivityTaskFailed(token, request)),
                "history (fail activity task)");
    }

    @PostMapping(path = ApiPaths.ACTIVITY_TASK_CANCEL)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            operationId = "cancelActivityTask",
            summary = "Report an activity task canceled",
            description = "Reports that the activity stopped because its workflow asked it to cancel (a heartbeat"
                    + " answered `cancelRequested`); the workflow sees it canceled. Only valid after a cancel"
                    + " request.")
    @ApiResponse(responseCode = "204", description = "Recorded")
    @ProblemResponse(value = ErrorType.TASK_NOT_FOUND, when = "the attempt is no longer current (timed out, answered)")
    @ProblemResponse(value = ErrorType.FAILED_PRECONDITION, when = "the workflow did not ask to cancel the activity")
    void cancel(
            @PathVariable @Parameter(description = "Namespace") String namespace,
            @RequestBody CancelActivityTaskRequest body) {
        Validate.name("namespace", namespace);
        CancelActivityTaskRequest request = Validate.body(body);
        TaskToken token = TaskTokens.decode(namespace, request.taskToken(), TaskToken.Kind.ACTIVITY);
        Validate.optionalName("identity", request.identity());
        backends.await(
                backends.history().respondActivityTaskCanceled(new RespondActivityTaskCanceled(token, request)),
                "history (cancel activity task)");
    }

    @PostMapping(path = ApiPaths.ACTIVITY_TASK_HEARTBEAT, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "heartbeatActivityTask",
            summary = "Heartbeat an activity task",
            description = "Tells the server the activity is alive, with optional progress details; the answer says"
                    + " whether it has been asked to stop.")
    @ProblemResponse(value = ErrorType.TASK_NOT_FOUND, when = "the attempt is no longer current (timed out, answered)")
    HeartbeatResponse heartbeat(
            @PathVariable @Parameter(description = "Namespace") String namespace, @RequestBody HeartbeatRequest body) {
        Validate.name("namespace", namespace);
        HeartbeatRequest request = Validate.body(body);
        TaskToken token = TaskTokens.decode(namespace, request.taskToken(), TaskToken.Kind.ACTIVITY);
        return backends.await(
                backends.history().recordActivityTaskHeartbeat(new RecordActivityTaskHeartbeat(token, request)),
                "history (heartbeat)");
    }
}
