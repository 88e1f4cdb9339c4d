package io.perdura.sdk.failure;

import io.perdura.common.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * A failure of application code with a {@code type} that retry policies can name. Thrown from an
 * activity, it fails the attempt (no retry when non-retryable); thrown from workflow code, it fails
 * the workflow execution.
 */
public final class ApplicationFailure extends PerduraFailure {

    private final String type;
    private final boolean nonRetryable;
    private final transient JsonNode details;

    private ApplicationFailure(String message, String type, boolean nonRetryable, JsonNode details, Throwable cause) {
        super(message, message, cause);
        this.type = type;
        this.nonRetryable = nonRetryable;
        this.details = details;
    }

    public static ApplicationFailure newFailure(String message, String type, Object... details) {
        return new ApplicationFailure(message, type, false, detailsOf(details), null);
    }

    public static ApplicationFailure newFailureWithCause(
            String message, String type, Throwable cause, Object... details) {
        return new ApplicationFailure(message, type, false, detailsOf(details), cause);
    }

    public static ApplicationFailure newNonRetryableFailure(String message, String type, Object... details) {
        return new ApplicationFailure(message, type, true, detailsOf(details), null);
    }

    public static ApplicationFailure newNonRetryableFailureWithCause(
            String message, String type, Throwable cause, Object... details) {
        return new ApplicationFailure(message, type, true, detailsOf(details), cause);
    }

    /** Rebuilds a failure read from history or from a server answer; details as recorded. */
    public static ApplicationFailure fromRecorded(
            String message, String type, boolean nonRetryable, JsonNode details, Throwable cause) {
        return new ApplicationFailure(message, type, nonRetryable, details, cause);
    }

    public String getType() {
        return type;
    }

    public boolean isNonRetryable() {
        return nonRetryable;
    }

    /** The details as a JSON value (an array of the values given), or null. */
    public JsonNode getDetails() {
        return details;
    }

    /** Detail number {@code index} converted to {@code type}, or null when absent. */
    public <T> T getDetail(int index, Class<T> detailType) {
        if (details == null || !details.isArray() || index >= details.size()) {
            return null;
        }
        return Json.convert(details.get(index), detailType);
    }

    @Override
    public String toString() {
        return "ApplicationFailure{type='" + type + "', nonRetryable=" + nonRetryable + ", message='" + getMessage()
                + "'}";
    }

    private static JsonNode detailsOf(Object[] details) {
        if (details == null || details.length == 0) {
            return null;
        }
        ArrayNode array = Json.array(details);
        return array;
    }
}
