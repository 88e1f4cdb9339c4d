package io.perdura.frontend.workflow;

import io.perdura.common.api.ApiPaths;
import io.perdura.common.api.UpdateStage;
import io.perdura.common.api.UpdateWorkflowRequest;
import io.perdura.common.api.UpdateWorkflowResponse;
import io.perdura.common.error.ErrorType;
import io.perdura.common.error.PerduraException;
import io.perdura.common.json.Durations;
import io.perdura.common.service.HistoryRequest.UpdateWorkflowExecution;
import io.perdura.frontend.backend.Backends;
import io.perdura.frontend.openapi.ProblemResponse;
import io.perdura.frontend.validation.Validate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Updates (Temporal's Update): a call the workflow validates, then handles, and answers. */
@RestController
@Tag(name = "Workflows")
class WorkflowUpdateController {

    private final Backends backends;

    WorkflowUpdateController(Backends backends) {
        this.backends = backends;
    }

    @PostMapping(path = ApiPaths.WORKFLOW_UPDATE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "updateWorkflow",
            summary = "Update a workflow execution",
            description = "Delivers the update to the workflow with a workflow task; its validator accepts or"
                    + " rejects it, and its handler runs and returns or throws. Answers when the update reached"
                    + " `waitForStage` (ACCEPTED, or COMPLETED by default), or was rejected: a rejection writes"
                    + " nothing to history. A repeated `updateId` returns the first update's outcome, or waits"
                    + " for it; a rejected update is not remembered, so repeating its id validates it again."
                    + " Waits at most `perdura.frontend.update-wait` (30s by default).")
    @ApiResponse(
            responseCode = "200",
            description = "The stage reached: ACCEPTED; COMPLETED with the handler's `result`, or with the"
                    + " `failure` it threw; REJECTED with the validator's `failure`")
    @ProblemResponse(
            value = ErrorType.NOT_FOUND,
            when = "no such workflow or run, the run is closed, or it closed before the update completed")
    @ProblemResponse(
            value = ErrorType.TIMEOUT,
            when = "the update did not reach `waitForStage` in time (no worker answered yet); call again with the"
                    + " same `updateId`")
    @ProblemResponse(
            value = ErrorType.UNAVAILABLE,
            when = "the workflow moved (to another history owner, or to a new run before it accepted the update);"
                    + " call again with the same `updateId`")
    @ProblemResponse(value = ErrorType.RATE_LIMITED, when = "the workflow has 10 updates in flight")
    @ProblemResponse(
            value = ErrorType.FAILED_PRECONDITION,
            when = "the run took 2000 updates, the most one run takes: it should continue as new")
    UpdateWorkflowResponse update(
            @PathVariable @Parameter(description = "Namespace") String namespace,
            @PathVariable @Parameter(description = "Workflow id") String workflowId,
            @PathVariable @Parameter(description = "Update name: the workflow's update handler") String updateName,
            @RequestParam(required = false) @Parameter(description = "Run id; the latest run when absent") String runId,
            @RequestBody(required = false) UpdateWorkflowRequest body) {
        WorkflowController.validateExecution(namespace, workflowId, runId);
        Validate.name("updateName", updateName);
        UpdateWorkflowRequest request = body == null ? new UpdateWorkflowRequest(null, null, null, null) : body;
        Validate.optionalName("updateId", request.updateId());
        Validate.optionalName("identity", request.identity());
        UpdateStage stage = request.waitForStage() == null ? UpdateStage.COMPLETED : request.waitForStage();
        if (stage == UpdateStage.REJECTED) {
            throw PerduraException.invalidArgument("waitForStage must be ACCEPTED or COMPLETED, was REJECTED");
        }
        String updateId = request.updateId() == null ? UUID.randomUUID().toString() : request.updateId();
        UpdateWorkflowRequest normalised = new UpdateWorkflowRequest(
                Validate.arguments("input", request.input()), updateId, stage, request.identity());
        Duration wait = backends.properties().getUpdateWait();
        try {
            return backends.awaitLong(
                    backends.history()
                            .updateWorkflowExecution(new UpdateWorkflowExecution(
                                    namespace, workflowId, runId, updateName, normalised, wait)),
                    wait,
                    "history (update)");
        } catch (PerduraException e) {
            throw retryWith(e, updateId, stage, wait);
        }
    }

    /** Timeouts and moves name the update id to call again with; other errors pass as they are. */
    private static PerduraException retryWith(PerduraException e, String updateId, UpdateStage stage, Duration wait) {
        return switch (e.errorType()) {
            case TIMEOUT ->
                new PerduraException(
                        ErrorType.TIMEOUT,
                        "update " + updateId + " did not reach " + stage + " within " + Durations.format(wait)
                                + " (no worker answered yet?); call again with updateId " + updateId,
                        e);
            case UNAVAILABLE ->
                new PerduraException(
                        ErrorType.UNAVAILABLE, e.getMessage() + "; call again with updateId " + updateId, e);
            default -> e;
        };
    }
}
