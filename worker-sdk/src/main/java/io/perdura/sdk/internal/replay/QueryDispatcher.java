package io.perdura.sdk.internal.replay;

import io.perdura.sdk.common.converter.EncodedValues;
import io.perdura.sdk.internal.common.DataConverter;
import io.perdura.sdk.workflow.DynamicQueryHandler;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/** Answers the queries of a run: the {@code @QueryMethod} of that name (of the workflow or a listener), else the {@link DynamicQueryHandler}. */
final class QueryDispatcher {

    private record Handler(Object target, Method method) {}

    private final Map<String, Handler> handlers = new TreeMap<>();
    private DynamicQueryHandler dynamicHandler;

    void add(String name, Object target, Method method) {
        if (handlers.putIfAbsent(name, new Handler(target, method)) != null) {
            throw new IllegalArgumentException("query '" + name + "' already has a handler");
        }
    }

    /** Sets the handler of queries that have none of their own (replacing an earlier one). */
    void setDynamicHandler(DynamicQueryHandler handler) {
        this.dynamicHandler = handler;
    }

    /** The answer to query {@code queryType}; an IllegalArgumentException when nothing handles it. */
    JsonNode query(String queryType, JsonNode args, String workflowType) {
        Handler handler = handlers.get(queryType);
        if (handler != null) {
            return DataConverter.toPayload(Listeners.invoke(
                    handler.target(), handler.method(), DataConverter.fromPayloads(args, handler.method())));
        }
        if (dynamicHandler != null) {
            return DataConverter.toPayload(dynamicHandler.handle(queryType, new EncodedValues(args)));
        }
        throw new IllegalArgumentException("unknown query type '" + queryType + "' for workflow type " + workflowType
                + "; known: " + handlers.keySet());
    }
}
