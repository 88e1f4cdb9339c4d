package io.perdura.frontend.workflow;

import io.perdura.common.api.ApiPaths;
import io.perdura.common.api.HistoryPage;
import io.perdura.common.api.StartWorkflowRequest;
import io.perdura.common.api.StartWorkflowResponse;
import io.perdura.common.api.WorkflowExecutionDescription;
import io.perdura.common.api.WorkflowExecutionPage;
import io.perdura.common.api.WorkflowResult;
import io.perdura.common.error.ErrorType;
import io.perdura.common.model.WorkflowStatus;
import io.perdura.common.service.HistoryRequest.DescribeWorkflowExecution;
import io.perdura.common.service.HistoryRequest.GetWorkflowExecutionHistory;
import io.perdura.common.service.HistoryRequest.GetWorkflowExecutionResult;
import io.perdura.common.service.HistoryRequest.ListWorkflowExecutions;
import io.perdura.common.service.HistoryRequest.StartWorkflowExecution;
import io.perdura.frontend.FrontendProperties;
import io.perdura.frontend.backend.Backends;
import io.perdura.frontend.openapi.ProblemResponse;
import io.perdura.frontend.validation.Validate;
import io.perdura.frontend.web.RequestMdc;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Starts workflow executions and reads them: describe, result, history, list. */
@RestController
@Tag(name = "Workflows", description = "Start workflow executions and read their state, outcome and history")
class WorkflowController {

    static final int DEFAULT_HISTORY_PAGE_SIZE = 1000;
    static final int DEFAULT_LIST_PAGE_SIZE = 100;

    private final Backends backends;

    WorkflowController(Backends backends) {
        this.backends = backends;
    }

    @PostMapping(path = ApiPaths.WORKFLOW, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "startWorkflow",
            summary = "Start a workflow execution",
            description = "Starts a run of `workflowType` with id `workflowId`. A repeated `requestId` returns the"
                    + " run it started before. While the workflow id has a running run, `workflowIdConflictPolicy`"
                    + " decides (FAIL by default, USE_EXISTING, TERMINATE_EXISTING); after its last run closed,"
                    + " `workflowIdReusePolicy` (ALLOW_DUPLICATE by default, ALLOW_DUPLICATE_FAILED_ONLY,"
                    + " REJECT_DUPLICATE). `retryPolicy` retries a failed run as a new run; `cronSchedule` runs"
                    + " it on a schedule; `workflowStartDelay` delays its first workflow task.")
    @ApiResponse(
            responseCode = "201",
            description = "Started; `Location` points to the run's description",
            headers = @Header(name = "Location", description = "URL describing the new run"))
    @ApiResponse(
            responseCode = "200",
            description = "Not started: `workflowIdConflictPolicy` USE_EXISTING returned the running run"
                    + " (`started` false)")
    @ProblemResponse(
            value = ErrorType.ALREADY_STARTED,
            when = "the workflow id already has a running run, or its reuse policy refuses a new one")
    @ProblemResponse(value = ErrorType.NAMESPACE_NOT_FOUND, when = "the namespace does not exist")
    ResponseEntity<StartWorkflowResponse> start(
            @PathVariable @Parameter(description = "Namespace") String namespace,
            @PathVariable @Parameter(description = "Workflow id chosen by the caller") String workflowId,
            @RequestBody StartWorkflowRequest body) {
        Validate.name("namespace", namespace);
        Validate.name("workflowId", workflowId);
        StartWorkflowRequest normalised = normalised(Validate.body(body));
        StartWorkflowResponse started = backends.await(
                backends.history()
                        .startWorkflowExecution(new StartWorkflowExecution(namespace, workflowId, normalised)),
                "history (start)");
        RequestMdc.putRunId(started.runId());
        URI location = URI.create(ApiPaths.expand(ApiPaths.WORKFLOW, namespace, workflowId) + "?runId="
                + ApiPaths.expand("{runId}", started.runId()));
        return started.started() ? ResponseEntity.created(location).body(started) : ResponseEntity.ok(started);
    }

    /** A start request checked field by field, with its input as an array and a request id. */
    static StartWorkflowRequest normalised(StartWorkflowRequest request) {
        Validate.name("workflowType", request.workflowType());
        Validate.name("taskQueue", request.taskQueue());
        Validate.optionalName("requestId", request.requestId());
        Validate.optionalName("identity", request.identity());
        Validate.positive("workflowExecutionTimeout", request.workflowExecutionTimeout());
        Validate.positive("workflowRunTimeout", request.workflowRunTimeout());
        Validate.positive("workflowTaskTimeout", request.workflowTaskTimeout());
        Validate.nonNegative("workflowStartDelay", request.workflowStartDelay());
        Validate.retryPolicy(request.retryPolicy());
        Validate.optionalName("cronSchedule", request.cronSchedule());
        Validate.object("memo", request.memo());
        Validate.object("header", request.header());
        return request.with(
                Validate.arguments("input", request.input()),
                request.requestId() == null ? UUID.randomUUID().toString() : request.requestId());
    }

    @GetMapping(path = ApiPaths.WORKFLOW, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "describeWorkflow",
            summary = "Describe a workflow execution",
            description = "Status, type, task queue, times, history length and pending work of a run.")
    @ProblemResponse(value = ErrorType.NOT_FOUND, when = "no such workflow or run")
    WorkflowExecutionDescription describe(
            @PathVariable @Parameter(description = "Namespace") String namespace,
            @PathVariable @Parameter(description = "Workflow id") String workflowId,
            @RequestParam(required = false) @Parameter(description = "Run id; the latest run when absent")
                    String runId) {
        validateExecution(namespace, workflowId, runId);
        return backends.await(
                backends.history()
                        .describeWorkflowExecution(new DescribeWorkflowExecution(namespace, workflowId, runId)),
                "history (describe)");
    }

    @GetMapping(path = ApiPaths.WORKFLOW_RESULT, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "getWorkflowResult",
            summary = "Wait for the outcome of a workflow execution",
            description = "Long-polls until the run closes: its result, or its failure with the cause chain. When"
                    + " `wait` elapses first, answers 202 with status RUNNING; call again to keep waiting.")
    @ApiResponse(
            responseCode = "200",
            description = "The run is closed",
            content = @Content(schema = @Schema(implementation = WorkflowResult.class)))
    @ApiResponse(
            responseCode = "202",
            description = "Still running when the wait elapsed (status RUNNING)",
            content = @Content(schema = @Schema(implementation = WorkflowResult.class)))
    @ProblemResponse(value = ErrorType.NOT_FOUND, when = "no such workflow or run")
    ResponseEntity<WorkflowResult> result(
            @PathVariable @Parameter(description = "Namespace") String namespace,
            @PathVariable @Parameter(description = "Workflow id") String workflowId,
            @RequestParam(required = false) @Parameter(description = "Run id; the latest run when absent") String runId,
            @RequestParam(required = false)
                    @Parameter(
                            description = "How long to wait for the run to close, e.g. `30s`, `500ms`, `PT1M`;"
                                    + " default `perdura.frontend.result-wait-default`, at most"
                                    + " `perdura.frontend.result-wait-max`",
                            example = "30s")
                    String wait,
            @RequestParam(required = false)
                    @Parameter(
                            description = "Whether to follow the runs that continue this one (continue-as-new,"
                                    + " retries, cron) to the last one's outcome; default true")
                    Boolean followRuns) {
        validateExecution(namespace, workflowId, runId);
        FrontendProperties properties = backends.properties();
        Duration requested = Validate.duration("wait", wait);
        Duration waitFor = requested == null ? properties.getResultWaitDefault() : requested;
        if (waitFor.compareTo(properties.getResultWaitMax()) > 0) {
            waitFor = properties.getResultWaitMax();
        }
        WorkflowResult result = awaitResult(namespace, workflowId, runId, waitFor, followRuns == null || followRuns);
        HttpStatus status = result.status() == WorkflowStatus.RUNNING ? HttpStatus.ACCEPTED : HttpStatus.OK;
        return ResponseEntity.status(status).body(result);
    }

    /**
     * Waits for the run's outcome; when {@code follow}, a run that continued as new (or was retried,
     * or scheduled its next cron run) is followed to the next, within the same wait.
     */
    private WorkflowResult awaitResult(
            String namespace, String workflowId, String runId, Duration waitFor, boolean follow) {
        long deadline = System.nanoTime() + waitFor.toNanos();
        String current = runId;
        Duration left = waitFor;
        while (true) {
            WorkflowResult result = backends.awaitLong(
                    backends.history()
                            .getWorkflowExecutionResult(
                                    new GetWorkflowExecutionResult(namespace, workflowId, current, left)),
                    left,
                    "history (result)");
            if (!follow || result.newExecutionRunId() == null) {
                return result;
            }
            current = result.newExecutionRunId();
            RequestMdc.putRunId(current);
            left = Duration.ofMillis(Math.max(0, (deadline - System.nanoTime()) / 1_000_000));
        }
    }

    @GetMapping(path = ApiPaths.WORKFLOW_HISTORY, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "getWorkflowHistory",
            summary = "Read the event history of a workflow execution",
            description = "Events in order (`eventId` 1, 2, 3 …), one page at a time; pass `nextPageToken` from"
                    + " the previous page to read on. The last page has no `nextPageToken`. With `format=json`,"
                    + " every page at once as a download (`Content-Disposition: attachment;"
                    + " filename=\"<workflowId>-<runId>.json\"`), the file the offline replayer reads.")
    @ApiResponse(
            responseCode = "200",
            description = "A page of events; with `format=json` all of them, as an attachment",
            headers =
                    @Header(
                            name = "Content-Disposition",
                            description = "With `format=json`: attachment; filename=\"<workflowId>-<runId>.json\""))
    @ProblemResponse(value = ErrorType.NOT_FOUND, when = "no such workflow or run")
    @ProblemResponse(value = ErrorType.INVALID_ARGUMENT, when = "`format` is not `json`")
    ResponseEntity<HistoryPage> history(
            @PathVariable @Parameter(description = "Namespace") String namespace,
            @PathVariable @Parameter(description = "Workflow id") String workflowId,
            @RequestParam(required = false) @Parameter(description = "Run id; the latest run when absent") String runId,
            @RequestParam(required = false) @Parameter(description = "Events per page, 1..1000 (default 1000)")
                    Integer pageSize,
            @RequestParam(required = false)
                    @Parameter(description = "Token of the page to read, from the previous page")
                    String nextPageToken,
            @RequestParam(required = false)
                    @Parameter(
                            description = "`json`: the whole history (all pages) as a download, for the offline"
                                    + " replayer; absent: one page",
                            schema = @Schema(allowableValues = HistoryDownload.FORMAT_JSON))
                    String format) {
        validateExecution(namespace, workflowId, runId);
        if (HistoryDownload.requested(format)) {
            return HistoryDownload.download(backends, namespace, workflowId, runId);
        }
        int size = Validate.pageSize(pageSize, DEFAULT_HISTORY_PAGE_SIZE);
        return ResponseEntity.ok(backends.await(
                backends.history()
                        .getWorkflowExecutionHistory(
                                new GetWorkflowExecutionHistory(namespace, workflowId, runId, size, nextPageToken)),
                "history (history)"));
    }

    @GetMapping(path = ApiPaths.WORKFLOWS, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "listWorkflows",
            summary = "List workflow executions",
            description = "Runs of the namespace, newest first, optionally filtered by status and workflow type.")
    @ProblemResponse(value = ErrorType.NAMESPACE_NOT_FOUND, when = "the namespace does not exist")
    WorkflowExecutionPage list(
            @PathVariable @Parameter(description = "Namespace") String namespace,
            @RequestParam(required = false) @Parameter(description = "Only runs with this status")
                    WorkflowStatus status,
            @RequestParam(required = false) @Parameter(description = "Only runs of this workflow type")
                    String workflowType,
            @RequestParam(required = false) @Parameter(description = "Runs per page, 1..1000 (default 100)")
                    Integer pageSize,
            @RequestParam(required = false)
                    @Parameter(description = "Token of the page to read, from the previous page")
                    String nextPageToken) {
        Validate.name("namespace", namespace);
        Validate.optionalName("workflowType", workflowType);
        int size = Validate.pageSize(pageSize, DEFAULT_LIST_PAGE_SIZE);
        return backends.await(
                backends.history()
                        .listWorkflowExecutions(
                                new ListWorkflowExecutions(namespace, status, workflowType, size, nextPageToken)),
                "history (list)");
    }

    static void validateExecution(String namespace, String workflowId, String runId) {
        Validate.name("namespace", namespace);
        Validate.name("workflowId", workflowId);
        Validate.optionalName("runId", runId);
    }
}
