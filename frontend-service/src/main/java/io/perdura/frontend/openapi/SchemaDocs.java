package io.perdura.frontend.openapi;

import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.Map;
import org.springdoc.core.utils.SpringDocUtils;

/**
 * Descriptions and required fields of the request and response bodies, which are plain records in
 * {@code io.perdura.common.api} without OpenAPI annotations.
 */
final class SchemaDocs {

    private static final String TOKEN = "The opaque token of the task being answered, as the poll returned it";
    private static final String ARGUMENTS = "JSON array of arguments; absent means none";
    private static final String IDENTITY = "Who sends this (worker or client identity), for history and logs";
    private static final String WORKFLOW_ID = "The workflow id of the run that scheduled the activity";
    private static final String RUN_ID = "The run id; the current run when absent";
    private static final String ACTIVITY_ID = "The activity id the workflow gave the activity";
    private static final String LAST_DETAILS =
            "The attempt's latest heartbeat details, possibly not sent yet; the next attempt receives them";
    private static final String CANCEL_DETAILS = "Details recorded with the cancellation";

    private static final Map<String, Map<String, String>> DESCRIPTIONS = Map.ofEntries(
            Map.entry(
                    "StartWorkflowRequest",
                    Map.of(
                            "workflowType", "The workflow type to run",
                            "taskQueue", "The task queue its workflow tasks go to",
                            "input", ARGUMENTS,
                            "requestId", "Idempotency key: a repeated requestId returns the run it started",
                            "workflowExecutionTimeout", "Limit for the whole execution; none when absent",
                            "workflowRunTimeout", "Limit for one run; none when absent",
                            "workflowTaskTimeout", "Start-to-close limit of each workflow task (default 10s)",
                            "retryPolicy", "Default retry policy of the workflow's activities",
                            "requestEagerExecution",
                                    "True when the caller is also a worker of taskQueue with a workflow-task slot"
                                            + " free: a start that creates the run returns its first workflow task,"
                                            + " already started for the caller, as eagerWorkflowTask")),
            Map.entry(
                    "StartWorkflowResponse",
                    Map.of(
                            "started",
                            "False when no run was started (the running run was returned)",
                            "eagerWorkflowTask",
                            "The new run's first workflow task, started for the caller, when the start asked"
                                    + " requestEagerExecution and created the run: run it at once, as if polled,"
                                    + " and answer it as any workflow task; absent otherwise")),
            Map.entry(
                    "SignalRequest",
                    Map.of(
                            "input", ARGUMENTS,
                            "requestId", "Idempotency key: a repeated requestId records the signal once",
                            "identity", IDENTITY)),
            Map.entry("QueryRequest", Map.of("input", ARGUMENTS)),
            Map.entry(
                    "UpdateWorkflowRequest",
                    Map.of(
                            "input",
                            ARGUMENTS,
                            "updateId",
                            "Idempotency key: a repeated updateId returns the first update's outcome, or waits"
                                    + " for it (a rejected update is validated again); generated when absent",
                            "waitForStage",
                            "ACCEPTED or COMPLETED (the default): when the call answers",
                            "identity",
                            IDENTITY)),
            Map.entry(
                    "UpdateWorkflowResponse",
                    Map.of(
                            "updateId", "The update's id: call again with it to wait for it again",
                            "stage", "ACCEPTED, COMPLETED, or REJECTED (nothing was written to history)",
                            "result", "The update handler's result, when COMPLETED without a failure",
                            "failure", "What the handler threw (COMPLETED) or why the validator refused (REJECTED)")),
            Map.entry("QueryResponse", Map.of("result", "What the workflow's query handler returned")),
            Map.entry("TerminateRequest", Map.of("reason", "Why the run is terminated", "identity", IDENTITY)),
            Map.entry("PollRequest", Map.of("identity", IDENTITY)),
            Map.entry(
                    "CompleteWorkflowTaskRequest",
                    Map.of(
                            "taskToken",
                            TOKEN,
                            "commands",
                            "What the workflow code decided, in order",
                            "identity",
                            IDENTITY,
                            "stickyAttributes",
                            "Set when the worker keeps the run cached: its next tasks go to the worker's own queue")),
            Map.entry(
                    "StickyExecutionAttributes",
                    Map.of(
                            "workerTaskQueue",
                            "The queue only this worker polls; the run's next tasks carry only the new events",
                            "scheduleToStartTimeout",
                            "How long a task waits there before it goes back to the normal queue, full history")),
            Map.entry(
                    "FailWorkflowTaskRequest",
                    Map.of("taskToken", TOKEN, "failure", "Why the task failed", "identity", IDENTITY)),
            Map.entry(
                    "CompleteActivityTaskRequest",
                    Map.of("taskToken", TOKEN, "result", "The activity's result", "identity", IDENTITY)),
            Map.entry(
                    "FailActivityTaskRequest",
                    Map.of(
                            "taskToken",
                            TOKEN,
                            "failure",
                            "Why the attempt failed",
                            "identity",
                            IDENTITY,
                            "lastHeartbeatDetails",
                            LAST_DETAILS)),
            Map.entry(
                    "HeartbeatRequest",
                    Map.of("taskToken", TOKEN, "details", "Progress details, kept for the next attempt")),
            Map.entry(
                    "CancelActivityTaskRequest",
                    Map.of("taskToken", TOKEN, "details", CANCEL_DETAILS, "identity", IDENTITY)),
            Map.entry(
                    "CompleteActivityByIdRequest",
                    Map.of(
                            "workflowId", WORKFLOW_ID,
                            "runId", RUN_ID,
                            "activityId", ACTIVITY_ID,
                            "result", "The activity's result",
                            "identity", IDENTITY)),
            Map.entry(
                    "FailActivityByIdRequest",
                    Map.of(
                            "workflowId", WORKFLOW_ID,
                            "runId", RUN_ID,
                            "activityId", ACTIVITY_ID,
                            "failure", "Why the attempt failed",
                            "identity", IDENTITY,
                            "lastHeartbeatDetails", LAST_DETAILS)),
            Map.entry(
                    "HeartbeatActivityByIdRequest",
                    Map.of(
                            "workflowId", WORKFLOW_ID,
                            "runId", RUN_ID,
                            "activityId", ACTIVITY_ID,
                            "details", "Progress details, kept for the next attempt",
                            "identity", IDENTITY)),
            Map.entry(
                    "CancelActivityByIdRequest",
                    Map.of(
                            "workflowId", WORKFLOW_ID,
                            "runId", RUN_ID,
                            "activityId", ACTIVITY_ID,
                            "details", CANCEL_DETAILS,
                            "identity", IDENTITY)),
            Map.entry(
                    "HeartbeatResponse",
                    Map.of(
                            "cancelRequested",
                            "Whether the workflow asked the activity to cancel: stop, then report it" + " canceled")),
            Map.entry(
                    "CompleteWorkflowTaskResponse",
                    Map.of(
                            "activityTasks",
                            "First attempts of the activities this completion scheduled with"
                                    + " requestEagerExecution, started for the caller: run each at once, as if"
                                    + " polled, and answer it as any activity task")),
            Map.entry(
                    "ActivityTask",
                    Map.of(
                            "scheduledTime", "When the workflow scheduled the activity (its first attempt)",
                            "currentAttemptScheduledTime", "When this attempt was scheduled",
                            "startedTime", "When this attempt was handed to the worker",
                            "scheduleToCloseTimeout", "Limit of the whole activity, all attempts; none when absent",
                            "startToCloseTimeout", "Limit of this attempt",
                            "heartbeatTimeout", "Longest gap allowed between heartbeats; none when absent",
                            "heartbeatDetails",
                                    "Details of the last heartbeat recorded, by this or an earlier attempt")),
            Map.entry(
                    "CompleteQueryTaskRequest",
                    Map.of(
                            "taskToken",
                            TOKEN,
                            "result",
                            "The query handler's result",
                            "failure",
                            "Why the query handler failed")),
            Map.entry(
                    "WorkflowResult",
                    Map.of(
                            "status", "RUNNING when the wait elapsed before the run closed",
                            "result", "The run's result, when COMPLETED",
                            "failure", "Why the run did not complete, with its cause chain")),
            Map.entry("HistoryPage", Map.of("nextPageToken", "Token of the next page; absent on the last page")),
            Map.entry(
                    "WorkflowExecutionPage",
                    Map.of("nextPageToken", "Token of the next page; absent on the last page")),
            Map.entry(
                    "WorkflowTask",
                    Map.of(
                            "history", "The whole history, ending with this task's WorkflowTaskStarted",
                            "query", "Set on a query task: answer it with query-tasks/complete",
                            "updates",
                                    "Updates delivered with this task, in arrival order, to run after the last event of"
                                            + " `history`: answer each with RejectWorkflowUpdate or AcceptWorkflowUpdate"
                                            + " (then CompleteWorkflowUpdate, in this task or a later one); one left"
                                            + " unanswered comes again with the next task")));

    private static final Map<String, List<String>> REQUIRED = Map.ofEntries(
            Map.entry("StartWorkflowRequest", List.of("workflowType", "taskQueue")),
            Map.entry("CompleteWorkflowTaskRequest", List.of("taskToken")),
            Map.entry("FailWorkflowTaskRequest", List.of("taskToken", "failure")),
            Map.entry("CompleteActivityTaskRequest", List.of("taskToken")),
            Map.entry("FailActivityTaskRequest", List.of("taskToken", "failure")),
            Map.entry("HeartbeatRequest", List.of("taskToken")),
            Map.entry("CancelActivityTaskRequest", List.of("taskToken")),
            Map.entry("CompleteActivityByIdRequest", List.of("workflowId", "activityId")),
            Map.entry("FailActivityByIdRequest", List.of("workflowId", "activityId", "failure")),
            Map.entry("HeartbeatActivityByIdRequest", List.of("workflowId", "activityId")),
            Map.entry("CancelActivityByIdRequest", List.of("workflowId", "activityId")),
            Map.entry("CompleteQueryTaskRequest", List.of("taskToken")));

    /** Enum properties whose Java type has more values than the property accepts. */
    private static final Map<String, Map<String, List<String>>> ENUMS =
            Map.of("UpdateWorkflowRequest", Map.of("waitForStage", List.of("ACCEPTED", "COMPLETED")));

    private SchemaDocs() {}

    @SuppressWarnings({"rawtypes", "unchecked"})
    static void apply(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        DESCRIPTIONS.forEach((schemaName, properties) -> {
            Schema<?> schema = schemas.get(schemaName);
            if (schema == null || schema.getProperties() == null) {
                return;
            }
            properties.forEach((property, description) -> {
                Schema<?> propertySchema = schema.getProperties().get(property);
                if (propertySchema != null) {
                    // a copy: springdoc shares one schema instance between all fields of a replaced type
                    Schema<?> described = SpringDocUtils.cloneViaJson(propertySchema, Schema.class, Json31.mapper());
                    String original = propertySchema.getDescription();
                    described.setDescription(
                            original == null || original.equals(FrontendOpenApiConfiguration.ANY_JSON_VALUE)
                                    ? description
                                    : description + ". " + original);
                    schema.getProperties().put(property, described);
                }
            });
        });
        ENUMS.forEach((schemaName, properties) -> properties.forEach((property, values) -> {
            Schema<?> schema = schemas.get(schemaName);
            if (schema != null
                    && schema.getProperties() != null
                    && schema.getProperties().get(property) != null) {
                ((Schema<String>) schema.getProperties().get(property)).setEnum(values);
            }
        }));
        REQUIRED.forEach((schemaName, required) -> {
            Schema<?> schema = schemas.get(schemaName);
            if (schema != null) {
                schema.setRequired(required);
            }
        });
    }
}
