package io.perdura.frontend.workflow;

import io.perdura.common.api.ApiPaths;
import io.perdura.common.api.CancelRequest;
import io.perdura.common.api.QueryRequest;
import io.perdura.common.api.QueryResponse;
import io.perdura.common.api.SignalRequest;
import io.perdura.common.api.SignalWithStartRequest;
import io.perdura.common.api.StartWorkflowRequest;
import io.perdura.common.api.StartWorkflowResponse;
import io.perdura.common.api.TerminateRequest;
import io.perdura.common.api.WorkflowExecutionDescription;
import io.perdura.common.api.WorkflowQuery;
import io.perdura.common.error.ErrorType;
import io.perdura.common.service.HistoryRequest.DescribeWorkflowExecution;
import io.perdura.common.service.HistoryRequest.RequestCancelWorkflowExecution;
import io.perdura.common.service.HistoryRequest.SignalWithStartWorkflowExecution;
import io.perdura.common.service.HistoryRequest.SignalWorkflowExecution;
import io.perdura.common.service.HistoryRequest.TerminateWorkflowExecution;
import io.perdura.common.service.MatchingRequest.QueryWorkflow;
import io.perdura.frontend.backend.Backends;
import io.perdura.frontend.openapi.ProblemResponse;
import io.perdura.frontend.validation.Validate;
import io.perdura.frontend.web.RequestMdc;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Talks to running workflows: signal, signal-with-start, query, cancel, terminate. */
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
                request.identity(),
                Validate.object("header", request.header()));
        backends.await(
                backends.history()
                        .signalWorkflowExecution(
                                new SignalWorkflowExecution(namespace, workflowId, runId, signalName, normalised)),
                "history (signal)");
    }

    @PostMapping(path = ApiPaths.WORKFLOW_SIGNAL_WITH_START, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "signalWithStartWorkflow",
            summary = "Signal a workflow, starting it if it is not running",
            description = "Atomically: when the workflow id has a running run, records the signal in it (200,"
                    + " `started` false); otherwise starts a run with the start fields (as `startWorkflow`, reuse"
                    + " policy included) whose history has the signal right after WorkflowExecutionStarted (201,"
                    + " `started` true). A repeated `requestId` starts or signals once.")
    @ApiResponse(responseCode = "201", description = "Started, with the signal")
    @ApiResponse(responseCode = "200", description = "The running run was signalled")
    @ProblemResponse(value = ErrorType.ALREADY_STARTED, when = "the workflow id's reuse policy refuses a new run")
    @ProblemResponse(value = ErrorType.NAMESPACE_NOT_FOUND, when = "the namespace does not exist")
    ResponseEntity<StartWorkflowResponse> signalWithStart(
            @PathVariable @Parameter(description = "Namespace") String namespace,
            @PathVariable @Parameter(description = "Workflow id") String workflowId,
            @PathVariable @Parameter(description = "Signal name") String signalName,
            @RequestBody SignalWithStartRequest body) {
        Validate.name("namespace", namespace);
        Validate.name("workflowId", workflowId);
        Validate.name("signalName", signalName);
        SignalWithStartRequest request = Validate.body(body);
        StartWorkflowRequest start = WorkflowController.normalised(request.start());
        SignalWithStartRequest normalised =
                SignalWithStartRequest.of(start, Validate.arguments("signalInput", request.signalInput()));
        StartWorkflowResponse response = backends.await(
                backends.history()
                        .signalWithStartWorkflowExecution(
                                new SignalWithStartWorkflowExecution(namespace, workflowId, signalName, normalised)),
                "history (signal-with-start)");
        RequestMdc.putRunId(response.runId());
        return ResponseEntity.status(response.started() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(response);
    }

    @PostMapping(path = ApiPaths.WORKFLOW_CANCEL)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            operationId = "cancelWorkflow",
            summary = "Ask a workflow execution to cancel",
            description = "Records WorkflowExecutionCancelRequested; the workflow code sees a CanceledFailure at its"
                    + " next blocking call, may clean up, and then closes CANCELED (or handles it and goes on)."
                    + " Asking again changes nothing.")
    @ApiResponse(responseCode = "202", description = "The cancel request is recorded")
    @ProblemResponse(value = ErrorType.NOT_FOUND, when = "no such workflow or run, or the run is closed")
    void cancel(
            @PathVariable @Parameter(description = "Namespace") String namespace,
            @PathVariable @Parameter(description = "Workflow id") String workflowId,
            @RequestParam(required = false) @Parameter(description = "Run id; the latest run when absent") String runId,
            @RequestBody(required = false) CancelRequest body) {
        WorkflowController.validateExecution(namespace, workflowId, runId);
        CancelRequest request = body == null ? new CancelRequest(null, null, null) : body;
        Validate.optionalName("requestId", request.requestId());
        Validate.optionalName("identity", request.identity());
        backends.await(
                backends.history()
                        .requestCancelWorkflowExecution(
                                new RequestCancelWorkflowExecution(namespace, workflowId, runId, request)),
                "history (cancel)");
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
