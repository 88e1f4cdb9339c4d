package io.perdura.sdk.internal.replay;

import io.perdura.sdk.common.converter.EncodedValues;
import io.perdura.sdk.common.interceptors.Header;
import io.perdura.sdk.common.interceptors.WorkflowInboundCallsInterceptor;
import io.perdura.sdk.internal.common.Payloads;
import io.perdura.sdk.workflow.DynamicQueryHandler;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/** Answers the queries of a run: the {@code @QueryMethod} of that name (of the workflow or a listener), else the {@link DynamicQueryHandler}. */
final class QueryDispatcher {

    private record Handler(Object target, Method method) {}

    private final WorkflowRunContext context;
    private final Map<String, Handler> handlers = new TreeMap<>();
    private DynamicQueryHandler dynamicHandler;
    private Supplier<WorkflowInboundCallsInterceptor> inbound = () -> null;

    /** Where typed queries go first (the run's inbound interceptors). */
    void inbound(Supplier<WorkflowInboundCallsInterceptor> chain) {
        this.inbound = chain;
    }

    QueryDispatcher(WorkflowRunContext context) {
        this.context = context;
    }

    void add(String name, Object target, Method method) {
        if (handlers.putIfAbsent(name, new Handler(target, method)) != null) {
            throw new IllegalArgumentException("query '" + name + "' already has a handler");
        }
    }

    /** Sets the handler of queries that have none of their own (replacing an earlier one). */
    void setDynamicHandler(DynamicQueryHandler handler) {
        this.dynamicHandler = handler;
    }

    /** Calls the typed handler of query {@code name} (the innermost inbound interceptor's call). */
    Object invoke(String name, Object[] args) {
        Handler handler = handlers.get(name);
        if (handler == null) {
            throw new IllegalArgumentException("query '" + name + "' has no handler");
        }
        return Listeners.invoke(handler.target(), handler.method(), args);
    }

    /** The answer to query {@code queryType}; an IllegalArgumentException when nothing handles it. */
    JsonNode query(String queryType, JsonNode args, String workflowType) {
        Handler handler = handlers.get(queryType);
        if (handler != null) {
            Object[] arguments = Payloads.arguments(context.dataConverter(), args, handler.method());
            WorkflowInboundCallsInterceptor chain = inbound.get();
            Object result = chain == null
                    ? Listeners.invoke(handler.target(), handler.method(), arguments)
                    : chain.handleQuery(new WorkflowInboundCallsInterceptor.QueryInput(
                                    queryType, arguments, Header.empty()))
                            .result();
            return context.dataConverter().toPayload(result);
        }
        if (dynamicHandler != null) {
            return context.dataConverter()
                    .toPayload(dynamicHandler.handle(queryType, new EncodedValues(args, context.dataConverter())));
        }
        throw new IllegalArgumentException("unknown query type '" + queryType + "' for workflow type " + workflowType
                + "; known: " + handlers.keySet());
    }
}
