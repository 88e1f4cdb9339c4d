package io.perdura.frontend.web;

import io.perdura.common.api.TaskToken;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Puts {@code namespace}, {@code workflowId}, {@code runId} and {@code taskQueue} of each request
 * in the logging MDC, from its path and query, or from its task token once decoded.
 */
@Component
public class RequestMdc implements HandlerInterceptor {

    static final List<String> KEYS = List.of("namespace", "workflowId", "runId", "taskQueue");

    /** Adds what a task token tells about the request. */
    public static void put(TaskToken token) {
        putIfPresent("namespace", token.namespace());
        putIfPresent("workflowId", token.workflowId());
        putIfPresent("runId", token.runId());
        putIfPresent("taskQueue", token.taskQueue());
    }

    /** Adds the workflow a request names in its body (answers by activity id). */
    public static void putWorkflow(String workflowId, String runId) {
        putIfPresent("workflowId", workflowId);
        putIfPresent("runId", runId);
    }

    /** Adds the run a request was resolved to (e.g. the run a start created). */
    public static void putRunId(String runId) {
        putIfPresent("runId", runId);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            for (String key : KEYS) {
                if (variables.get(key) instanceof String value) {
                    putIfPresent(key, value);
                }
            }
        }
        putIfPresent("runId", request.getParameter("runId"));
        return true;
    }

    @Override
    public void afterCompletion(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        KEYS.forEach(MDC::remove);
    }

    private static void putIfPresent(String key, String value) {
        if (value != null && !value.isBlank()) {
            MDC.put(key, value);
        }
    }
}
