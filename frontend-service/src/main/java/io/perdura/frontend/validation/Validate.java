package io.perdura.frontend.validation;

import io.perdura.common.error.PerduraException;
import io.perdura.common.json.Durations;
import io.perdura.common.model.RetryPolicy;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Argument checks shared by the controllers; each failure is an {@code invalid-argument} error. */
public final class Validate {

    /** The longest name (namespace, workflow id, type, task queue, signal …) accepted. */
    public static final int MAX_NAME_LENGTH = 255;

    public static final int MIN_PAGE_SIZE = 1;
    public static final int MAX_PAGE_SIZE = 1000;

    private Validate() {}

    /** A required name: non-blank and at most {@value #MAX_NAME_LENGTH} characters. */
    public static String name(String field, String value) {
        if (value == null || value.isBlank()) {
            throw PerduraException.invalidArgument(field + " is required and must not be blank");
        }
        if (value.length() > MAX_NAME_LENGTH) {
            throw PerduraException.invalidArgument(
                    field + " must be at most " + MAX_NAME_LENGTH + " characters, was " + value.length());
        }
        return value;
    }

    /** An optional name: null stays null, otherwise checked like {@link #name}. */
    public static String optionalName(String field, String value) {
        return value == null ? null : name(field, value);
    }

    /** A body that must be present. */
    public static <T> T body(T body) {
        if (body == null) {
            throw PerduraException.invalidArgument("request body is required");
        }
        return body;
    }

    /** Arguments: a JSON array when present; absent (or JSON null) becomes the empty array. */
    public static JsonNode arguments(String field, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return JsonNodeFactory.instance.arrayNode();
        }
        if (!value.isArray()) {
            throw PerduraException.invalidArgument(
                    field + " must be a JSON array of arguments, was " + value.getNodeType());
        }
        return value;
    }

    /** An optional JSON object (a memo …): absent or JSON null stays null. */
    public static JsonNode object(String field, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (!value.isObject()) {
            throw PerduraException.invalidArgument(field + " must be a JSON object, was " + value.getNodeType());
        }
        return value;
    }

    public static int pageSize(Integer pageSize, int defaultSize) {
        if (pageSize == null) {
            return defaultSize;
        }
        if (pageSize < MIN_PAGE_SIZE || pageSize > MAX_PAGE_SIZE) {
            throw PerduraException.invalidArgument(
                    "pageSize must be between " + MIN_PAGE_SIZE + " and " + MAX_PAGE_SIZE + ", was " + pageSize);
        }
        return pageSize;
    }

    /** A duration parameter such as {@code 30s}; null when absent. */
    public static Duration duration(String field, String text) {
        if (text == null) {
            return null;
        }
        Duration duration;
        try {
            duration = Durations.parse(text);
        } catch (RuntimeException e) {
            throw PerduraException.invalidArgument(
                    field + ": invalid duration '" + text + "', use e.g. 500ms, 10s, 2m, 1h or PT10S");
        }
        return nonNegative(field, duration);
    }

    /** An optional timeout: absent, or strictly positive. */
    public static Duration positive(String field, Duration value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw PerduraException.invalidArgument(field + " must be positive, was " + Durations.format(value));
        }
        return value;
    }

    public static Duration nonNegative(String field, Duration value) {
        if (value != null && value.isNegative()) {
            throw PerduraException.invalidArgument(field + " must not be negative");
        }
        return value;
    }

    /** A retry policy whose set fields make sense. */
    public static RetryPolicy retryPolicy(RetryPolicy policy) {
        if (policy == null) {
            return null;
        }
        positive("retryPolicy.initialInterval", policy.initialInterval());
        positive("retryPolicy.maximumInterval", policy.maximumInterval());
        if (policy.backoffCoefficient() != null && policy.backoffCoefficient() < 1.0) {
            throw PerduraException.invalidArgument("retryPolicy.backoffCoefficient must be at least 1.0");
        }
        if (policy.maximumAttempts() != null && policy.maximumAttempts() < 0) {
            throw PerduraException.invalidArgument("retryPolicy.maximumAttempts must not be negative (0 = unlimited)");
        }
        if (policy.initialInterval() != null
                && policy.maximumInterval() != null
                && policy.maximumInterval().compareTo(policy.initialInterval()) < 0) {
            throw PerduraException.invalidArgument("retryPolicy.maximumInterval must not be below initialInterval");
        }
        return policy;
    }
}
