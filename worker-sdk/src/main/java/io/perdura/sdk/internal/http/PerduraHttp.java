package io.perdura.sdk.internal.http;

import io.perdura.common.api.ApiPaths;
import io.perdura.common.error.ErrorType;
import io.perdura.common.json.Json;
import io.perdura.sdk.client.RpcRetryOptions;
import io.perdura.sdk.client.WorkflowClientOptions;
import io.perdura.sdk.client.WorkflowExecutionAlreadyStarted;
import io.perdura.sdk.client.WorkflowNotFoundException;
import io.perdura.sdk.client.WorkflowQueryException;
import io.perdura.sdk.client.WorkflowServiceException;
import io.perdura.sdk.common.interceptors.WorkflowClientInterceptor;
import io.perdura.sdk.internal.metrics.SdkMetrics;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import tools.jackson.databind.JsonNode;

/**
 * JSON over {@link HttpClient} to the frontend. Answers of 4xx/5xx (RFC 9457 problem+json) become
 * typed {@link WorkflowServiceException}s; a server that cannot be reached is {@code UNAVAILABLE}.
 */
public final class PerduraHttp {

    /** Timeout of ordinary requests. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Timeout of long polls: longer than the server's 60 s long poll. */
    public static final Duration LONG_POLL_TIMEOUT = Duration.ofSeconds(90);

    private final HttpClient client;
    private final String target;
    private final String namespace;
    private final RpcRetryOptions rpcRetryOptions;
    private final List<WorkflowClientInterceptor> clientInterceptors;
    private final SdkMetrics requestMetrics;
    private final Duration connectTimeout;

    public PerduraHttp(WorkflowClientOptions options) {
        this.connectTimeout = options.getConnectTimeout();
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(options.getConnectTimeout())
                .build();
        this.target = options.getTarget();
        this.namespace = options.getNamespace();
        this.rpcRetryOptions = options.getRpcRetryOptions();
        this.clientInterceptors = options.getInterceptors();
        this.requestMetrics = SdkMetrics.of(options.getMeterRegistry());
    }

    /** How long a connection attempt may take before it fails. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    public String namespace() {
        return namespace;
    }

    /** How callers of this frontend retry through transient failures (see {@link RpcRetryer}). */
    /** Where the client's request metrics go (none without a registry). */
    public SdkMetrics requestMetrics() {
        return requestMetrics;
    }

    /** The client's interceptors, outermost first. */
    public List<WorkflowClientInterceptor> clientInterceptors() {
        return clientInterceptors;
    }

    public RpcRetryOptions rpcRetryOptions() {
        return rpcRetryOptions;
    }

    /** A status code and the body bytes. */
    public record Response(int status, byte[] body) {
        public <T> T read(Class<T> type) {
            return body.length == 0 ? null : Json.read(body, type);
        }
    }

    /** The path of {@code template} with the namespace and then {@code values} filled in, plus query parameters. */
    public String path(String template, String... values) {
        String[] all = new String[values.length + 1];
        all[0] = namespace;
        System.arraycopy(values, 0, all, 1, values.length);
        return ApiPaths.expand(template, all);
    }

    /** Appends {@code name=value} to a path when value is not null. */
    public static String param(String path, String name, String value) {
        if (value == null) {
            return path;
        }
        return path + (path.contains("?") ? "&" : "?") + name + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public Response post(String path, Object body, Duration timeout) {
        return join(postAsync(path, body, timeout));
    }

    public Response get(String path, Duration timeout) {
        return join(send(request(path, timeout).GET().build()));
    }

    /** POST without waiting; cancelling the future aborts the request. */
    public CompletableFuture<Response> postAsync(String path, Object body, Duration timeout) {
        byte[] json = body == null ? new byte[0] : Json.writeBytes(body);
        return send(request(path, timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                .build());
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(target + path))
                .timeout(timeout)
                .header("Accept", "application/json, application/problem+json");
    }

    private CompletableFuture<Response> send(HttpRequest request) {
        CompletableFuture<HttpResponse<byte[]>> exchange =
                client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        CompletableFuture<Response> answer = exchange.handle((response, error) -> {
            if (error != null) {
                Throwable cause =
                        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                throw new CompletionException(unavailable(request, cause));
            }
            if (response.statusCode() >= 400) {
                throw new CompletionException(problem(response.statusCode(), response.body()));
            }
            return new Response(response.statusCode(), response.body());
        });
        return cancelling(answer, exchange);
    }

    /**
     * {@code derived}, made so that cancelling it also cancels {@code source} (for an HTTP exchange:
     * aborts the request, so a long poll that nobody waits for any more does not take a task).
     */
    public static <T> CompletableFuture<T> cancelling(CompletableFuture<T> derived, CompletableFuture<?> source) {
        derived.whenComplete((value, error) -> {
            if (derived.isCancelled()) {
                source.cancel(true);
            }
        });
        return derived;
    }

    /** Waits for a response, unwrapping the typed exceptions. */
    public static Response join(CompletableFuture<Response> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    private WorkflowServiceException unavailable(HttpRequest request, Throwable cause) {
        String what = cause instanceof IOException ? cause.getClass().getSimpleName() : String.valueOf(cause);
        return new WorkflowServiceException(
                ErrorType.UNAVAILABLE,
                "cannot reach Perdura at " + request.uri() + ": " + what
                        + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")"),
                cause);
    }

    /** The typed exception for an error answer. */
    public static WorkflowServiceException problem(int status, byte[] body) {
        ErrorType type = null;
        String detail = null;
        try {
            JsonNode problem = body.length == 0 ? null : Json.read(body, JsonNode.class);
            if (problem != null && problem.isObject()) {
                JsonNode typeNode = problem.get("type");
                if (typeNode != null && typeNode.isString()) {
                    type = ErrorType.fromSlug(typeNode.asString());
                }
                JsonNode detailNode = problem.has("detail") ? problem.get("detail") : problem.get("title");
                detail = detailNode == null ? null : detailNode.asString();
            }
        } catch (RuntimeException e) {
            detail = new String(body, StandardCharsets.UTF_8);
        }
        if (type == null || (type == ErrorType.INTERNAL && status != 500)) {
            type = fromStatus(status);
        }
        if (detail == null) {
            detail = "HTTP " + status;
        }
        return switch (type) {
            case NOT_FOUND, NAMESPACE_NOT_FOUND -> new WorkflowNotFoundException(type, detail);
            case ALREADY_STARTED -> new WorkflowExecutionAlreadyStarted(detail);
            case QUERY_FAILED -> new WorkflowQueryException(detail);
            default -> new WorkflowServiceException(type, detail);
        };
    }

    private static ErrorType fromStatus(int status) {
        return switch (status) {
            case 400 -> ErrorType.INVALID_ARGUMENT;
            case 401 -> ErrorType.UNAUTHORIZED;
            case 403 -> ErrorType.FORBIDDEN;
            case 404 -> ErrorType.NOT_FOUND;
            case 409 -> ErrorType.FAILED_PRECONDITION;
            case 413 -> ErrorType.PAYLOAD_TOO_LARGE;
            case 429 -> ErrorType.RATE_LIMITED;
            case 502, 503 -> ErrorType.UNAVAILABLE;
            case 504 -> ErrorType.TIMEOUT;
            default -> ErrorType.INTERNAL;
        };
    }
}
