package io.perdura.frontend.worker;

import io.perdura.common.api.ApiPaths;
import io.perdura.common.api.CompleteQueryTaskRequest;
import io.perdura.common.api.TaskToken;
import io.perdura.common.error.ErrorType;
import io.perdura.common.error.PerduraException;
import io.perdura.common.service.MatchingRequest.RespondQueryTaskCompleted;
import io.perdura.frontend.backend.Backends;
import io.perdura.frontend.openapi.ProblemResponse;
import io.perdura.frontend.validation.Validate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Workers answer query tasks here; the answer goes back to the client waiting on the query. */
@RestController
@Tag(name = "Workflow tasks")
class QueryTaskController {

    private final Backends backends;

    QueryTaskController(Backends backends) {
        this.backends = backends;
    }

    @PostMapping(path = ApiPaths.QUERY_TASK_COMPLETE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            operationId = "completeQueryTask",
            summary = "Complete a query task",
            description = "Answers a query task (a workflow task with `query` set) with the query handler's result,"
                    + " or its failure.")
    @ApiResponse(responseCode = "204", description = "Delivered to the waiting query")
    @ProblemResponse(value = ErrorType.TASK_NOT_FOUND, when = "the query is no longer waiting (timed out, answered)")
    void complete(
            @PathVariable @Parameter(description = "Namespace") String namespace,
            @RequestBody CompleteQueryTaskRequest body) {
        Validate.name("namespace", namespace);
        CompleteQueryTaskRequest request = Validate.body(body);
        TaskToken token = TaskTokens.decode(namespace, request.taskToken(), TaskToken.Kind.QUERY);
        if (token.queryId() == null || token.taskQueue() == null) {
            throw PerduraException.invalidArgument("malformed taskToken: no query id or task queue");
        }
        backends.await(
                backends.matching()
                        .respondQueryTaskCompleted(
                                new RespondQueryTaskCompleted(namespace, token.taskQueue(), token.queryId(), request)),
                "matching (complete query task)");
    }
}
