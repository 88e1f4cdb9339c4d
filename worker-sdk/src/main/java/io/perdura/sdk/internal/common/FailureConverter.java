package io.perdura.sdk.internal.common;

import io.perdura.common.json.Json;
import io.perdura.common.model.Failure;
import io.perdura.common.model.Failure.ActivityFailureInfo;
import io.perdura.common.model.Failure.FailureKind;
import io.perdura.common.model.RetryState;
import io.perdura.sdk.client.WorkflowExecution;
import io.perdura.sdk.failure.ActivityFailure;
import io.perdura.sdk.failure.ApplicationFailure;
import io.perdura.sdk.failure.CanceledFailure;
import io.perdura.sdk.failure.ChildWorkflowFailure;
import io.perdura.sdk.failure.ServerFailure;
import io.perdura.sdk.failure.TerminatedFailure;
import io.perdura.sdk.failure.TimeoutFailure;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.IdentityHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Converts exceptions to the {@link Failure} chain recorded in history, and back. */
public final class FailureConverter {

    private static final int MAX_STACK_TRACE_CHARS = 8_000;
    private static final int MAX_DEPTH = 20;

    private FailureConverter() {}

    /** The failure chain of {@code throwable}; plain exceptions become APPLICATION failures typed by class name. */
    public static Failure toFailure(Throwable throwable) {
        return toFailure(throwable, new IdentityHashMap<>(), 0);
    }

    private static Failure toFailure(Throwable t, Map<Throwable, Boolean> seen, int depth) {
        if (t == null || depth > MAX_DEPTH || seen.put(t, Boolean.TRUE) != null) {
            return null;
        }
        Failure cause = toFailure(t.getCause(), seen, depth + 1);
        String stack = stackTrace(t);
        return switch (t) {
            case ApplicationFailure a ->
                new Failure(
                        a.getOriginalMessage(),
                        FailureKind.APPLICATION,
                        a.getType(),
                        a.isNonRetryable(),
                        a.getDetails(),
                        stack,
                        cause,
                        null,
                        null);
            case ActivityFailure a ->
                new Failure(
                        a.getOriginalMessage(),
                        FailureKind.ACTIVITY,
                        null,
                        false,
                        null,
                        null,
                        cause,
                        new ActivityFailureInfo(
                                a.getScheduledEventId(),
                                a.getStartedEventId(),
                                a.getActivityId(),
                                a.getActivityType(),
                                a.getRetryState()),
                        null);
            case ChildWorkflowFailure c ->
                new Failure(
                        c.getOriginalMessage(),
                        FailureKind.CHILD_WORKFLOW,
                        null,
                        false,
                        childInfo(c),
                        null,
                        cause,
                        null,
                        null);
            case TimeoutFailure tf ->
                new Failure(
                        tf.getOriginalMessage(),
                        FailureKind.TIMEOUT,
                        null,
                        false,
                        null,
                        null,
                        cause,
                        null,
                        tf.getTimeoutType());
            case TerminatedFailure tf ->
                new Failure(tf.getOriginalMessage(), FailureKind.TERMINATED, null, true, null, null, cause, null, null);
            case CanceledFailure cf ->
                new Failure(cf.getOriginalMessage(), FailureKind.CANCELED, null, true, null, null, cause, null, null);
            case ServerFailure sf ->
                new Failure(
                        sf.getOriginalMessage(),
                        FailureKind.SERVER,
                        null,
                        sf.isNonRetryable(),
                        null,
                        null,
                        cause,
                        null,
                        null);
            default ->
                new Failure(
                        t.getMessage() == null ? t.getClass().getName() : t.getMessage(),
                        FailureKind.APPLICATION,
                        t.getClass().getName(),
                        false,
                        null,
                        stack,
                        cause,
                        null,
                        null);
        };
    }

    /** The exception chain a recorded failure stands for. */
    public static RuntimeException toException(Failure failure) {
        return toException(failure, 0);
    }

    private static RuntimeException toException(Failure f, int depth) {
        if (f == null || depth > MAX_DEPTH) {
            return null;
        }
        RuntimeException cause = toException(f.cause(), depth + 1);
        FailureKind kind = f.kind() == null ? FailureKind.APPLICATION : f.kind();
        RuntimeException result = switch (kind) {
            case APPLICATION ->
                ApplicationFailure.fromRecorded(f.message(), f.type(), f.nonRetryable(), f.details(), cause);
            case ACTIVITY -> {
                ActivityFailureInfo info = f.activity();
                yield info == null
                        ? new ActivityFailure(null, null, 0, 0, null, cause)
                        : new ActivityFailure(
                                info.activityType(),
                                info.activityId(),
                                info.scheduledEventId(),
                                info.startedEventId(),
                                info.retryState(),
                                cause);
            }
            case TIMEOUT -> new TimeoutFailure(f.message(), f.timeoutType(), cause);
            case TERMINATED -> new TerminatedFailure(f.message(), cause);
            case CANCELED -> new CanceledFailure(f.message(), cause);
            case CHILD_WORKFLOW -> childWorkflowFailure(f.details(), cause);
            case SERVER -> new ServerFailure(f.message(), f.nonRetryable(), cause);
        };
        if (f.stackTrace() != null) {
            // Keep the remote stack out of the local one: it is available in the recorded failure.
            result.setStackTrace(new StackTraceElement[0]);
        }
        return result;
    }

    /**
     * What a CHILD_WORKFLOW failure records of its child, in {@code details} (the failure has no field
     * of its own for it): {@code {namespace, workflowId, runId, workflowType, initiatedEventId,
     * startedEventId, retryState}}, the names of Temporal's ChildWorkflowExecutionFailureInfo.
     */
    private static JsonNode childInfo(ChildWorkflowFailure c) {
        ObjectNode info = Json.mapper().createObjectNode();
        info.put("namespace", c.getNamespace());
        info.put(
                "workflowId", c.getExecution() == null ? null : c.getExecution().workflowId());
        info.put("runId", c.getExecution() == null ? null : c.getExecution().runId());
        info.put("workflowType", c.getWorkflowType());
        info.put("initiatedEventId", c.getInitiatedEventId());
        info.put("startedEventId", c.getStartedEventId());
        info.put(
                "retryState",
                c.getRetryState() == null ? null : c.getRetryState().name());
        return info;
    }

    private static ChildWorkflowFailure childWorkflowFailure(JsonNode info, RuntimeException cause) {
        if (info == null || !info.isObject()) {
            return new ChildWorkflowFailure(0, 0, null, null, null, null, cause);
        }
        String workflowId = text(info, "workflowId");
        String retryState = text(info, "retryState");
        return new ChildWorkflowFailure(
                info.path("initiatedEventId").asLong(0),
                info.path("startedEventId").asLong(0),
                text(info, "workflowType"),
                workflowId == null ? null : new WorkflowExecution(workflowId, text(info, "runId")),
                text(info, "namespace"),
                retryState == null ? null : RetryState.valueOf(retryState),
                cause);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        StackTraceElement[] elements = t.getStackTrace();
        PrintWriter writer = new PrintWriter(out);
        for (StackTraceElement element : elements) {
            writer.append("\tat ").append(String.valueOf(element)).append('\n');
            if (out.getBuffer().length() > MAX_STACK_TRACE_CHARS) {
                writer.append("\t...\n");
                break;
            }
        }
        writer.flush();
        return out.toString();
    }
}
