package io.perdura.frontend.problem;

import io.perdura.common.error.ErrorType;
import io.perdura.common.error.PerduraException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Arrays;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;

/**
 * The one place errors become responses: RFC 9457 problem+json whose {@code type} is the {@link
 * ErrorType}'s URI. {@link PerduraException}s map by their type (unwrapped from completion
 * wrappers), Spring MVC's own exceptions by their kind, anything else to 500 {@code internal}. A
 * client never sees a stack trace; 4xx are logged at WARN without one, 5xx at ERROR.
 */
@Hidden
@RestControllerAdvice
class FrontendExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(FrontendExceptionHandler.class);
    private static final int MAX_DETAIL_LENGTH = 500;

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handle(Exception exception, HttpServletRequest request) {
        Throwable error = unwrap(exception);
        Problem problem = classify(error);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(problem.status()), problem.detail());
        body.setType(URI.create(problem.type().typeUri()));
        body.setTitle(problem.type().title());
        body.setInstance(URI.create(request.getRequestURI()));
        logProblem(request, problem, error);
        HttpHeaders headers = new HttpHeaders();
        if (error instanceof ErrorResponse spring) {
            headers.putAll(spring.getHeaders());
        }
        return ResponseEntity.status(problem.status())
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    private static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    static Problem classify(Throwable error) {
        return switch (error) {
            case PerduraException e when e.errorType() == ErrorType.INTERNAL -> Problem.internal();
            case PerduraException e -> Problem.of(e.errorType(), e.getMessage());
            case HttpMessageNotReadableException e -> Problem.of(ErrorType.INVALID_ARGUMENT, unreadable(e));
            case MethodArgumentTypeMismatchException e -> Problem.of(ErrorType.INVALID_ARGUMENT, mismatch(e));
            case NoResourceFoundException e -> noEndpoint(e.getHttpMethod().name(), "/" + e.getResourcePath());
            case NoHandlerFoundException e -> noEndpoint(e.getHttpMethod(), e.getRequestURL());
            case ErrorResponse e -> fromStatus(e);
            default -> Problem.internal();
        };
    }

    private static Problem noEndpoint(String method, String path) {
        return Problem.of(ErrorType.NOT_FOUND, "no endpoint " + method + " " + path);
    }

    /** Spring's other exceptions keep their HTTP status and detail, typed by the nearest error kind. */
    private static Problem fromStatus(ErrorResponse error) {
        int status = error.getStatusCode().value();
        String detail = error.getBody().getDetail();
        ErrorType type = switch (status) {
            case 404 -> ErrorType.NOT_FOUND;
            case 413 -> ErrorType.PAYLOAD_TOO_LARGE;
            case 503 -> ErrorType.UNAVAILABLE;
            default -> status < 500 ? ErrorType.INVALID_ARGUMENT : ErrorType.INTERNAL;
        };
        if (type == ErrorType.INTERNAL) {
            return Problem.internal();
        }
        return new Problem(type, status, detail == null ? type.title() : detail);
    }

    private static String unreadable(HttpMessageNotReadableException error) {
        Throwable cause = error.getCause();
        if (cause instanceof JacksonException jackson) {
            String path = jsonPath(jackson);
            String where = path.isEmpty() ? "" : " at " + path;
            return "malformed JSON body" + where + ": " + JsonBodyProblems.describe(jackson);
        }
        if (cause == null && String.valueOf(error.getMessage()).startsWith("Required request body is missing")) {
            return "request body is required";
        }
        return "malformed request body";
    }

    /** Where in the body the problem is, as {@code commands[0].commandType}, without class names. */
    private static String jsonPath(JacksonException error) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : error.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String mismatch(MethodArgumentTypeMismatchException error) {
        String detail = "parameter '" + error.getName() + "' has an invalid value '" + error.getValue() + "'";
        Class<?> required = error.getRequiredType();
        if (required != null && required.isEnum()) {
            return detail + "; expected one of "
                    + Arrays.stream(required.getEnumConstants())
                            .map(String::valueOf)
                            .collect(Collectors.joining(", "));
        }
        if (required != null) {
            return detail + "; expected " + required.getSimpleName().toLowerCase(java.util.Locale.ROOT);
        }
        return detail;
    }

    private static void logProblem(HttpServletRequest request, Problem problem, Throwable error) {
        if (problem.status() < 500) {
            log.warn(
                    "{} {} -> {} {}: {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    problem.status(),
                    problem.type().slug(),
                    problem.detail());
        } else if (problem.type() == ErrorType.INTERNAL) {
            log.error("{} {} -> {} {}", request.getMethod(), request.getRequestURI(), problem.status(), error, error);
        } else {
            log.error(
                    "{} {} -> {} {}: {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    problem.status(),
                    problem.type().slug(),
                    problem.detail());
        }
    }

    /** What a response will say: the kind of error, its HTTP status and a one-line detail. */
    record Problem(ErrorType type, int status, String detail) {

        Problem {
            if (detail == null || detail.isBlank()) {
                detail = type.title();
            } else if (detail.length() > MAX_DETAIL_LENGTH) {
                detail = detail.substring(0, MAX_DETAIL_LENGTH) + "…";
            }
        }

        static Problem of(ErrorType type, String detail) {
            return new Problem(type, type.httpStatus(), detail);
        }

        static Problem internal() {
            return of(ErrorType.INTERNAL, "the server failed to handle the request; see its log");
        }
    }
}
