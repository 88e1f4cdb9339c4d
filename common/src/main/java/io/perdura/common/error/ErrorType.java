package io.perdura.common.error;

/**
 * Every kind of error Perdura reports, with its stable problem {@code type} URI, title and HTTP
 * status (RFC 9457).
 */
public enum ErrorType {
    INVALID_ARGUMENT("invalid-argument", "Invalid argument", 400),
    NOT_FOUND("not-found", "Not found", 404),
    NAMESPACE_NOT_FOUND("namespace-not-found", "Namespace not found", 404),
    ALREADY_STARTED("already-started", "Workflow execution already started", 409),
    ALREADY_EXISTS("already-exists", "Already exists", 409),
    FAILED_PRECONDITION("failed-precondition", "Failed precondition", 409),
    TASK_NOT_FOUND("task-not-found", "Task not found or no longer current", 404),
    NON_DETERMINISM("non-determinism", "Non-deterministic workflow", 409),
    QUERY_FAILED("query-failed", "Query failed", 400),
    UNAUTHORIZED("unauthorized", "Unauthorized", 401),
    FORBIDDEN("forbidden", "Forbidden", 403),
    PAYLOAD_TOO_LARGE("payload-too-large", "Payload too large", 413),
    RATE_LIMITED("rate-limited", "Too many requests", 429),
    TIMEOUT("timeout", "Timed out", 504),
    UNAVAILABLE("unavailable", "Service unavailable", 503),
    INTERNAL("internal", "Internal error", 500);

    private static final String BASE = "https://perdura.io/problems/";

    private final String slug;
    private final String title;
    private final int httpStatus;

    ErrorType(String slug, String title, int httpStatus) {
        this.slug = slug;
        this.title = title;
        this.httpStatus = httpStatus;
    }

    /** The stable problem type URI, e.g. {@code https://perdura.io/problems/not-found}. */
    public String typeUri() {
        return BASE + slug;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** Whether the caller can retry the same request later and expect it to succeed. */
    public boolean isRetryable() {
        return this == UNAVAILABLE || this == TIMEOUT || this == RATE_LIMITED;
    }

    public static ErrorType fromSlug(String slug) {
        for (ErrorType type : values()) {
            if (type.slug.equals(slug) || type.typeUri().equals(slug)) {
                return type;
            }
        }
        return INTERNAL;
    }
}
