package io.perdura.frontend.workflow;

import io.perdura.common.api.ApiPaths;
import io.perdura.common.api.QueryRequest;
import io.perdura.common.api.QueryResponse;
import io.perdura.common.api.SignalRequest;
import io.perdura.common.api.TerminateRequest;
import io.perdura.common.api.WorkflowExecutionDescription;
import io.perdura.common.api.WorkflowQuery;
import io.perdura.common.error.ErrorType;
import io.perdura.common.service.HistoryRequest.DescribeWorkflowExecution;
import io.perdura.common.service.HistoryRequest.SignalWorkflowExecution;
import io.perdura.common.service.HistoryRequest.TerminateWorkflowExecution;
import io.perdura.common.service.MatchingRequest.QueryWorkflow;
import io.perdura.frontend.backend.Backends;
import io.perdura.frontend.openapi.ProblemResponse;
import io.perdura.frontend.validation.Validate;
import io.perdura.frontend.web.RequestMdc;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Talks to running workflows: signal, query, terminate. */
@RestController
@Tag(name = "Workflows")
class WorkflowInteractionController {

    private final Backends backends;

    WorkflowInteractionController(Backends backends) {
        this.backends = backends;
    }

    @PostMapping(path = ApiPaths.WORKFLOW_SIGNAL)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            operationId = "signalWorkflow",
            summary = "Signal a workflow execution",
            description = "Records the signal in the run's history; the workflow receives it in its next workflow"
                    + " task. A repeated `requestId` records it once.")
    @ProblemResponse(value = ErrorType.NOT_FOUND, when = "no such workflow or run, or the run is closed")
    void signal(
            @PathVariable @Parameter(description = "Namespace") String namespace,
            @PathVariable @Parameter(description = "Workflow id") String workflowId,
            @PathVariable @Parameter(description = "Signal name") String signalName,
            @RequestParam(required = false) @Parameter(description = "Run id; the latest run when absent") String runId,
            @RequestBody(required = false) SignalRequest body) {
        WorkflowController.validateExecution(namespace, workflowId, runId);
        Validate.name("signalName", signalName);
        SignalRequest request = body == null ? new SignalRequest(null, null, null) : body;
        Validate.optionalName("requestId", request.requestId());
        SignalRequest normalised = new SignalRequest(
                Validate.arguments("input", request.input()),
                request.requestId() == null ? UUID.randomUUID().toString() : request.requestId(),
                request.identity());
        backends.await(
                backends.history()
                        .signalWorkflowExecution(
                                new SignalWorkflowExecution(namespace, workflowId, runId, signalName, normalised)),
                "history (signal)");
    }

    @PostMapping(path = ApiPaths.WORKFLOW_QUERY, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "queryWorkflow",
            summary = "Query a workflow execution",
            description = "A worker polling the run's task queue answers from the workflow's state; nothing is"
                    + " written to history. Waits at most `perdura.frontend.query-timeout` for the answer.")
    @ProblemResponse(value = ErrorType.NOT_FOUND, when = "no such workflow or run")
    @ProblemResponse(value = ErrorType.QUERY_FAILED, when = "the workflow's query handler failed")
    QueryResponse query(
            @PathVariable @Parameter(description = "Namespace") String namespace,
            @PathVariable @Parameter(description = "Workflow id") String workflowId,
            @PathVariable @Parameter(description = "Query type") String queryType,
            @RequestParam(required = false) @Parameter(description = "Run id; the latest run when absent") String runId,
            @RequestBody(required = false) QueryRequest body) {
        WorkflowController.validateExecution(namespace, workflowId, runId);
        Validate.name("queryType", queryType);
        WorkflowQuery query =
                new WorkflowQuery(queryType, Validate.arguments("input", body == null ? null : body.input()));
        WorkflowExecutionDescription run = backends.await(
                backends.history()
                        .describeWorkflowExecution(new DescribeWorkflowExecution(namespace, workflowId, runId)),
                "history (describe)");
        RequestMdc.putRunId(run.runId());
        Duration timeout = backends.properties().getQueryTimeout();
        return backends.awaitLong(
                backends.matching()
                        .queryWorkflow(
                                new QueryWorkflow(namespace, run.taskQueue(), workflowId, run.runId(), query, timeout)),
                timeout,
                "matching (query)");
    }

    @PostMapping(path = ApiPaths.WORKFLOW_TERMINATE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            operationId = "terminateWorkflow",
            summary = "Terminate a workflow execution",
            description = "Closes the run at once with status TERMINATED; no workflow code runs.")
    @ProblemResponse(value = ErrorType.NOT_FOUND, when = "no such workflow or run, or the run is closed")
    void terminate(
            @PathVariable @Parameter(description = "Namespace") String namespace,
            @PathVariable @Parameter(description = "Workflow id") String workflowId,
            @RequestParam(required = false) @Parameter(description = "Run id; the latest run when absent") String runId,
            @RequestBody(required = false) TerminateRequest body) {
        WorkflowController.validateExecution(namespace, workflowId, runId);
        TerminateRequest request = body == null ? new TerminateRequest(null, null) : body;
        backends.await(
                backends.history()
                        .terminateWorkflowExecution(
                                new TerminateWorkflowExecution(namespace, workflowId, runId, request)),
                "history (terminate)");
    }
}
