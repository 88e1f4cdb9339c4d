package io.perdura.history.engine;

import io.perdura.common.api.StartWorkflowRequest;
import io.perdura.common.api.StartWorkflowResponse;
import io.perdura.common.error.ErrorType;
import io.perdura.common.error.PerduraException;
import io.perdura.common.history.EventAttributes.WorkflowExecutionStarted;
import io.perdura.common.model.WorkflowExecutionKey;
import io.perdura.common.service.HistoryRequest.StartWorkflowExecution;
import io.perdura.history.mutablestate.ExecutionInfo;
import io.perdura.history.mutablestate.MutableState;
import io.perdura.history.persistence.ConditionFailedException;
import io.perdura.history.persistence.CurrentExecution;
import io.perdura.history.persistence.ExecutionStore;
import io.perdura.history.persistence.NamespaceStore;
import io.perdura.history.persistence.TimerTaskType;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Starts runs: validates the request, answers a repeated request id with the run it created, rejects
 * a second start while a run of the workflow id is open, and writes WorkflowExecutionStarted +
 * WorkflowTaskScheduled (and the run's timeout timer) in one transaction.
 */
final class StartWorkflowHandler {

    private final RunExecutor executor;
    private final ExecutionStore store;
    private final NamespaceStore namespaces;
    private final Duration defaultWorkflowTaskTimeout;

    StartWorkflowHandler(
            RunExecutor executor,
            ExecutionStore store,
            NamespaceStore namespaces,
            Duration defaultWorkflowTaskTimeout) {
        this.executor = executor;
        this.store = store;
        this.namespaces = namespaces;
        this.defaultWorkflowTaskTimeout = defaultWorkflowTaskTimeout;
    }

    StartWorkflowResponse start(StartWorkflowExecution command) {
        String namespace = command.namespace();
        String workflowId = command.workflowId();
        StartWorkflowRequest request = command.request();
        validate(namespace, workflowId, request);
        if (!namespaces.exists(namespace)) {
            throw new PerduraException(ErrorType.NAMESPACE_NOT_FOUND, "namespace " + namespace + " not found");
        }
        return executor.withLock(namespace, workflowId, () -> {
            String requestId = blankToNull(request.requestId());
            if (requestId != null) {
                Optional<String> existing = store.findRunByStartRequest(namespace, workflowId, requestId);
                if (existing.isPresent()) {
                    return new StartWorkflowResponse(workflowId, existing.get());
                }
            }
            Optional<CurrentExecution> current = store.getCurrentExecution(namespace, workflowId);
            if (current.isPresent() && current.get().status().isOpen()) {
                throw new PerduraException(
                        ErrorType.ALREADY_STARTED,
                        "workflow " + workflowId + " is already running (run "
                                + current.get().runId() + ")");
            }
            try {
                String runId = create(namespace, workflowId, request, requestId, current.map(CurrentExecution::runId));
                return new StartWorkflowResponse(workflowId, runId);
            } catch (ConditionFailedException e) {
                throw new PerduraException(ErrorType.UNAVAILABLE, "concurrent start of " + workflowId, e);
            }
        });
    }

    private String create(
            String namespace,
            String workflowId,
            StartWorkflowRequest request,
            String requestId,
            Optional<String> previousRunId) {
        var shards = executor.shards();
        var shard = shards.shard(shards.shardOf(namespace, workflowId));
        var key = new WorkflowExecutionKey(
                namespace, workflowId, UUID.randomUUID().toString());
        var now = executor.clock().instant();
        Duration taskTimeout = request.workflowTaskTimeout() != null
                        && request.workflowTaskTimeout().isPositive()
                ? request.workflowTaskTimeout()
                : defaultWorkflowTaskTimeout;
        var state = new MutableState(new ExecutionInfo(
                key,
                shard.shardId(),
                request.workflowType(),
                request.taskQueue(),
                now,
                taskTimeout,
                request.retryPolicy(),
                requestId));
        var update = new RunUpdate(state, shard, now);
        update.addEvent(new WorkflowExecutionStarted(
                request.workflowType(),
                request.taskQueue(),
                input(request.input()),
                request.workflowExecutionTimeout(),
                request.workflowRunTimeout(),
                taskTimeout,
                requestId,
                null));
        update.scheduleWorkflowTaskIfNone();
        Duration runLimit = earliest(request.workflowExecutionTimeout(), request.workflowRunTimeout());
        if (runLimit != null) {
            state.execution()
                    .timeoutTimerTaskId(update.timer(TimerTaskType.WORKFLOW_TIMEOUT, now.plus(runLimit), 0, 0, null));
        }
        executor.create(update, requestId, previousRunId.orElse(null));
        return key.runId();
    }

    private static Duration earliest(Duration a, Duration b) {
        Duration first = a != null && a.isPositive() ? a : null;
        Duration second = b != null && b.isPositive() ? b : null;
        if (first == null) {
            return second;
        }
        return second == null || first.compareTo(second) <= 0 ? first : second;
    }

    private static void validate(String namespace, String workflowId, StartWorkflowRequest request) {
        if (namespace == null || namespace.isBlank()) {
            throw PerduraException.invalidArgument("namespace is required");
        }
        if (workflowId == null || workflowId.isBlank()) {
            throw PerduraException.invalidArgument("workflowId is required");
        }
        if (request == null) {
            throw PerduraException.invalidArgument("a start request body is required");
        }
        if (request.workflowType() == null || request.workflowType().isBlank()) {
            throw PerduraException.invalidArgument("workflowType is required");
        }
        if (request.taskQueue() == null || request.taskQueue().isBlank()) {
            throw PerduraException.invalidArgument("taskQueue is required");
        }
        requireArray(request.input(), "input");
        requireNotNegative(request.workflowExecutionTimeout(), "workflowExecutionTimeout");
        requireNotNegative(request.workflowRunTimeout(), "workflowRunTimeout");
        requireNotNegative(request.workflowTaskTimeout(), "workflowTaskTimeout");
    }

    static void requireArray(JsonNode input, String name) {
        if (input != null && !input.isNull() && !input.isArray()) {
            throw PerduraException.invalidArgument(name + " must be a JSON array of arguments");
        }
    }

    private static void requireNotNegative(Duration duration, String name) {
        if (duration != null && duration.isNegative()) {
            throw PerduraException.invalidArgument(name + " must not be negative");
        }
    }

    /** The arguments as a JSON array; null means none. */
    static JsonNode input(JsonNode input) {
        return input == null || input.isNull() ? JsonNodeFactory.instance.arrayNode() : input;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
