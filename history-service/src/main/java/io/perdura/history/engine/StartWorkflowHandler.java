package io.perdura.history.engine;

import io.perdura.common.api.SignalWithStartRequest;
import io.perdura.common.api.StartWorkflowRequest;
import io.perdura.common.api.StartWorkflowResponse;
import io.perdura.common.error.ErrorType;
import io.perdura.common.error.PerduraException;
import io.perdura.common.history.EventAttributes.WorkflowExecutionSignaled;
import io.perdura.common.history.EventAttributes.WorkflowExecutionTerminated;
import io.perdura.common.model.ParentExecutionInfo;
import io.perdura.common.model.WorkflowIdConflictPolicy;
import io.perdura.common.model.WorkflowIdReusePolicy;
import io.perdura.common.model.WorkflowStatus;
import io.perdura.common.service.HistoryRequest.SignalWithStartWorkflowExecution;
import io.perdura.common.service.HistoryRequest.StartWorkflowExecution;
import io.perdura.history.persistence.ConditionFailedException;
import io.perdura.history.persistence.CurrentExecution;
import io.perdura.history.persistence.ExecutionStore;
import io.perdura.history.persistence.NamespaceStore;
import io.perdura.history.shard.ShardContext;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Starts runs: validates the request, answers a repeated request id with the run it created, applies
 * the workflow id's conflict policy (a running run) and reuse policy (a closed one), and writes
 * WorkflowExecutionStarted + WorkflowTaskScheduled (or the start delay's timer), and the run's
 * timeout timer, in one transaction; a start asking eager execution that creates a run also starts
 * its first workflow task there and returns it (ADR 29). Signal-with-start signals the running run, or starts one with
 * the signal, in one transaction.
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
        return start(command, null);
    }

    /** A start whose run is a child of {@code parent} (null: a run without a parent). */
    StartWorkflowResponse start(StartWorkflowExecution command, ParentExecutionInfo parent) {
        StartWorkflowRequest request = command.request();
        validate(command.namespace(), command.workflowId(), request);
        return startOrSignal(command.namespace(), command.workflowId(), request, null, null, parent);
    }

    StartWorkflowResponse signalWithStart(SignalWithStartWorkflowExecution command) {
        SignalWithStartRequest body = command.request();
        if (body == null) {
            throw PerduraException.invalidArgument("a signal-with-start request body is required");
        }
        if (command.signalName() == null || command.signalName().isBlank()) {
            throw PerduraException.invalidArgument("signalName is required");
        }
        requireArray(body.signalInput(), "signalInput");
        StartWorkflowRequest request = body.start();
        validate(command.namespace(), command.workflowId(), request);
        var signal = new WorkflowExecutionSignaled(command.signalName(), input(body.signalInput()), request.identity());
        return startOrSignal(command.namespace(), command.workflowId(), request, command.signalName(), signal, null);
    }

    /** Starts a run, or with {@code signal} set signals the running run instead of refusing the start. */
    private StartWorkflowResponse startOrSignal(
            String namespace,
            String workflowId,
            StartWorkflowRequest request,
            String signalName,
            WorkflowExecutionSignaled signal,
            ParentExecutionInfo parent) {
        if (!namespaces.exists(namespace)) {
            throw new PerduraException(ErrorType.NAMESPACE_NOT_FOUND, "namespace " + namespace + " not found");
        }
        return executor.withLock(namespace, workflowId, () -> {
            String requestId = blankToNull(request.requestId());
            if (requestId != null) {
                Optional<String> existing = store.findRunByStartRequest(namespace, workflowId, requestId);
                if (existing.isPresent()) {
                    return new StartWorkflowResponse(workflowId, existing.get(), true);
                }
            }
            Optional<CurrentExecution> current = store.getCurrentExecution(namespace, workflowId);
            if (current.isPresent() && current.get().status().isOpen()) {
                String runId = current.get().runId();
                if (signal != null) {
                    signalRunning(namespace, workflowId, runId, requestId, signal);
                    return new StartWorkflowResponse(workflowId, runId, false);
                }
                return onConflict(namespace, workflowId, runId, request, requestId, parent);
            }
            current.ifPresent(closed -> checkReuse(workflowId, closed, request.workflowIdReusePolicy()));
            NewRun run = newRun(namespace, workflowId, request, requestId)
                    .parent(parent)
                    .eager(request.eager() && signal == null && parent == null);
            RunUpdate start =
                    run.start(shardOf(namespace, workflowId), executor.clock().instant(), signal);
            try {
                executor.create(
                        start, requestId, current.map(CurrentExecution::runId).orElse(null));
            } catch (ConditionFailedException e) {
                throw new PerduraException(ErrorType.UNAVAILABLE, "concurrent start of " + workflowId, e);
            }
            return new StartWorkflowResponse(
                    workflowId, run.runId(), true, run.startsEagerly() ? EagerWorkflowStart.task(start) : null);
        });
    }

    private StartWorkflowResponse onConflict(
            String namespace,
            String workflowId,
            String runningRunId,
            StartWorkflowRequest request,
            String requestId,
            ParentExecutionInfo parent) {
        WorkflowIdConflictPolicy policy = conflictPolicy(request);
        return switch (policy) {
            case FAIL ->
                throw new PerduraException(
                        ErrorType.ALREADY_STARTED,
                        "workflow " + workflowId + " is already running (run " + runningRunId + ")");
            case USE_EXISTING -> new StartWorkflowResponse(workflowId, runningRunId, false);
            case TERMINATE_EXISTING -> {
                NewRun run = newRun(namespace, workflowId, request, requestId).parent(parent);
                executor.update(namespace, workflowId, runningRunId, update -> {
                    update.flushBufferedEvents();
                    update.close(
                            WorkflowStatus.TERMINATED,
                            new WorkflowExecutionTerminated(
                                    "terminated by a new start of the workflow id (" + policy + ")",
                                    request.identity()));
                    update.successor(run.start(update.shard(), update.now(), null), requestId);
                    return null;
                });
                yield new StartWorkflowResponse(workflowId, run.runId(), true);
            }
        };
    }

    /** The conflict policy; the older reuse policy TERMINATE_IF_RUNNING means TERMINATE_EXISTING, as in Temporal. */
    private static WorkflowIdConflictPolicy conflictPolicy(StartWorkflowRequest request) {
        if (request.workflowIdConflictPolicy() != null) {
            return request.workflowIdConflictPolicy();
        }
        return request.workflowIdReusePolicy() == WorkflowIdReusePolicy.TERMINATE_IF_RUNNING
                ? WorkflowIdConflictPolicy.TERMINATE_EXISTING
                : WorkflowIdConflictPolicy.FAIL;
    }

    /** ALREADY_STARTED when the reuse policy keeps the closed run's id from starting again. */
    private static void checkReuse(String workflowId, CurrentExecution closed, WorkflowIdReusePolicy policy) {
        WorkflowIdReusePolicy reuse = policy == null ? WorkflowIdReusePolicy.ALLOW_DUPLICATE : policy;
        boolean refused = switch (reuse) {
            case ALLOW_DUPLICATE, TERMINATE_IF_RUNNING -> false;
            case ALLOW_DUPLICATE_FAILED_ONLY ->
                closed.status() == WorkflowStatus.COMPLETED || closed.status() == WorkflowStatus.CONTINUED_AS_NEW;
            case REJECT_DUPLICATE -> true;
        };
        if (refused) {
            throw new PerduraException(
                    ErrorType.ALREADY_STARTED,
                    "workflow " + workflowId + " was already run (last run " + closed.runId() + " " + closed.status()
                            + ") and its WorkflowIdReusePolicy " + reuse + " refuses a new run");
        }
    }

    private void signalRunning(
            String namespace, String workflowId, String runId, String requestId, WorkflowExecutionSignaled signal) {
        executor.update(namespace, workflowId, runId, update -> {
            if (requestId != null && !update.state().rememberSignalRequestId(requestId)) {
                update.noChange();
                return null;
            }
            update.addExternalEvent(signal);
            return null;
        });
    }

    private NewRun newRun(String namespace, String workflowId, StartWorkflowRequest request, String requestId) {
        Duration taskTimeout = request.workflowTaskTimeout() != null
                        && request.workflowTaskTimeout().isPositive()
                ? request.workflowTaskTimeout()
                : defaultWorkflowTaskTimeout;
        Duration delay = request.workflowStartDelay();
        if (request.cronSchedule() != null && !request.cronSchedule().isBlank()) {
            Duration untilNext = CronSchedule.parse(request.cronSchedule())
                    .delayAfter(executor.clock().instant());
            delay = delay != null && delay.compareTo(untilNext) > 0 ? delay : untilNext;
        }
        return new NewRun(namespace, workflowId)
                .workflow(request.workflowType(), request.taskQueue(), request.input())
                .timeouts(request.workflowExecutionTimeout(), request.workflowRunTimeout(), taskTimeout)
                .request(requestId, request.identity())
                .retryPolicy(request.retryPolicy())
                .cronSchedule(request.cronSchedule())
                .memo(request.memo())
                .header(request.header())
                .firstWorkflowTaskBackoff(delay);
    }

    private ShardContext shardOf(String namespace, String workflowId) {
        var shards = executor.shards();
        return shards.shard(shards.shardOf(namespace, workflowId));
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
        requireNotNegative(request.workflowStartDelay(), "workflowStartDelay");
        if (request.memo() != null
                && !request.memo().isNull()
                && !request.memo().isObject()) {
            throw PerduraException.invalidArgument("memo must be a JSON object");
        }
        if (request.cronSchedule() != null && !request.cronSchedule().isBlank()) {
            CronSchedule.parse(request.cronSchedule());
        }
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
