package io.perdura.frontend.worker;

import io.perdura.common.api.ApiPaths;
import io.perdura.common.api.CompleteWorkflowTaskRequest;
import io.perdura.common.api.CompleteWorkflowTaskResponse;
import io.perdura.common.api.FailWorkflowTaskRequest;
import io.perdura.common.api.PollRequest;
import io.perdura.common.api.StickyExecutionAttributes;
import io.perdura.common.api.TaskToken;
import io.perdura.common.api.WorkflowTask;
import io.perdura.common.command.Command;
import io.perdura.common.error.ErrorType;
import io.perdura.common.error.PerduraException;
import io.perdura.common.service.HistoryRequest.RespondWorkflowTaskCompleted;
import io.perdura.common.service.HistoryRequest.RespondWorkflowTaskFailed;
import io.perdura.common.service.MatchingRequest.PollWorkflowTaskQueue;
import io.perdura.frontend.backend.Backends;
import io.perdura.frontend.openapi.ProblemResponse;
import io.perdura.frontend.validation.Validate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Workers poll for workflow tasks here and answer them with commands. */
@RestController
@Tag(name = "Workflow tasks", description = "Worker API: run workflow code forward and answer with commands")
class WorkflowTaskController {

    private final Backends backends;

    WorkflowTaskController(Backends backends) {
        this.backends = backends;
    }

    @PostMapping(path = ApiPaths.WORKFLOW_TASK_POLL, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "pollWorkflowTask",
            summary = "Long-poll for a workflow task",
            description = "Waits up to `perdura.frontend.long-poll-timeout` (default 60s) for a workflow task of the"
                    + " queue. A task with `query` set is a query task: answer it with `query-tasks/complete`.")
    @ApiResponse(
            responseCode = "200",
            description = "A task to run",
            content = @Content(schema = @Schema(implementation = WorkflowTask.class)))
    @ApiResponse(responseCode = "204", description = "The poll timed out with no task; poll again")
    ResponseEntity<WorkflowTask> poll(
            @PathVariable @Parameter(description = "Namespace") String namespace,
            @PathVariable @Parameter(description = "Task queue to poll") String taskQueue,
            @RequestBody(required = false) PollRequest body) {
        return LongPolls.await(
                backends,
                namespace,
                taskQueue,
                body,
                (identity, pollRequestId, timeout) -> backends.matching()
                        .pollWorkflowTaskQueue(
                                new PollWorkflowTaskQueue(namespace, taskQueue, identity, pollRequestId, timeout)),
                "matching (workflow task poll)");
    }

    @PostMapping(path = ApiPaths.WORKFLOW_TASK_COMPLETE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "completeWorkflowTask",
            summary = "Complete a workflow task",
            description = "Answers a workflow task with the commands the workflow code produced (possibly none)."
                    + " A `ScheduleActivityTask` command with `requestEagerExecution: true` whose task queue is the"
                    + " workflow's own asks for eager execution: its first attempt starts in this completion and"
                    + " comes back in `activityTasks` for the caller to run at once, as if it had polled it (ADR 29).")
    @ApiResponse(
            responseCode = "200",
            description = "Recorded; the caller runs the activity tasks returned (eager execution)",
            content = @Content(schema = @Schema(implementation = CompleteWorkflowTaskResponse.class)))
    @ApiResponse(responseCode = "204", description = "Recorded; no activity task is handed back")
    @ProblemResponse(value = ErrorType.TASK_NOT_FOUND, when = "the task is no longer current (timed out, answered)")
    ResponseEntity<CompleteWorkflowTaskResponse> complete(
            @PathVariable @Parameter(description = "Namespace") String namespace,
            @RequestBody CompleteWorkflowTaskRequest body) {
        Validate.name("namespace", namespace);
        CompleteWorkflowTaskRequest request = Validate.body(body);
        TaskToken token = TaskTokens.decode(namespace, request.taskToken(), TaskToken.Kind.WORKFLOW);
        List<Command> commands = request.commands() == null ? List.of() : request.commands();
        if (commands.contains(null)) {
            throw PerduraException.invalidArgument("commands must not contain null");
        }
        CompleteWorkflowTaskRequest normalised = new CompleteWorkflowTaskRequest(
                request.taskToken(), commands, request.identity(), sticky(request.stickyAttributes()));
        CompleteWorkflowTaskResponse response = backends.await(
                backends.history().respondWorkflowTaskCompleted(new RespondWorkflowTaskCompleted(token, normalised)),
                "history (complete workflow task)");
        return response == null || response.activityTasks().isEmpty()
                ? ResponseEntity.noContent().build()
                : ResponseEntity.ok(response);
    }

    private static StickyExecutionAttributes sticky(StickyExecutionAttributes attributes) {
        if (attributes == null) {
            return null;
        }
        return new StickyExecutionAttributes(
                Validate.name("stickyAttributes.workerTaskQueue", attributes.workerTaskQueue()),
                Validate.positive("stickyAttributes.scheduleToStartTimeout", attributes.scheduleToStartTimeout()));
    }

    @PostMapping(path = ApiPaths.WORKFLOW_TASK_FAIL)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            operationId = "failWorkflowTask",
            summary = "Fail a workflow task",
            description = "Reports that the worker could not run the task (non-determinism, an exception in workflow"
                    + " code); the task is retried and the run stays open.")
    @ApiResponse(responseCode = "204", description = "Recorded")
    @ProblemResponse(value = ErrorType.TASK_NOT_FOUND, when = "the task is no longer current (timed out, answered)")
    void fail(
            @PathVariable @Parameter(description = "Namespace") String namespace,
            @RequestBody FailWorkflowTaskRequest body) {
        Validate.name("namespace", namespace);
        FailWorkflowTaskRequest request = Validate.body(body);
        TaskToken token = TaskTokens.decode(namespace, request.taskToken(), TaskToken.Kind.WORKFLOW);
        if (request.failure() == null) {
            throw PerduraException.invalidArgument("failure is required");
        }
        backends.await(
                backends.history().respondWorkflowTaskFailed(new RespondWorkflowTaskFailed(token, request)),
                "history (fail workflow task)");
    }
}
