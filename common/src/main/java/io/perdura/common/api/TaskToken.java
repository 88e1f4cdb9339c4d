package io.perdura.common.api;

import io.perdura.common.error.PerduraException;
import io.perdura.common.json.Json;
import io.perdura.common.model.WorkflowExecutionKey;
import java.time.Instant;
import java.util.Base64;

/**
 * What the server needs to recognise a task's answer, given to the worker as an opaque string. A
 * stale or repeated answer is recognised by {@code scheduledEventId}, {@code startedEventId} and
 * {@code attempt}, and dropped.
 *
 * @param kind which kind of task
 * @param taskQueue the queue the task came from (routes query answers)
 * @param queryId for query tasks, the pending query
 * @param startedTime for workflow tasks, when history recorded it started: tells the answer to a
 *     speculative task that left no trace from the next task with the same event ids (as in Temporal);
 *     null in older tokens, which are then recognised by their ids alone
 */
public record TaskToken(
        Kind kind,
        String namespace,
        String workflowId,
        String runId,
        String taskQueue,
        long scheduledEventId,
        long startedEventId,
        int attempt,
        String queryId,
        Instant startedTime) {

    /** A token without a started time (activity and query tasks). */
    public TaskToken(
            Kind kind,
            String namespace,
            String workflowId,
            String runId,
            String taskQueue,
            long scheduledEventId,
            long startedEventId,
            int attempt,
            String queryId) {
        this(kind, namespace, workflowId, runId, taskQueue, scheduledEventId, startedEventId, attempt, queryId, null);
    }

    /** The kinds of task a worker can hold. */
    public enum Kind {
        WORKFLOW,
        ACTIVITY,
        QUERY
    }

    public WorkflowExecutionKey executionKey() {
        return new WorkflowExecutionKey(namespace, workflowId, runId);
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.writeBytes(this));
    }

    public static TaskToken decode(String token) {
        if (token == null || token.isBlank()) {
            throw PerduraException.invalidArgument("taskToken is required");
        }
        try {
            return Json.read(Base64.getUrlDecoder().decode(token), TaskToken.class);
        } catch (RuntimeException e) {
            throw PerduraException.invalidArgument("malformed taskToken");
        }
    }
}
