package io.perdura.sdk.internal.replay;

import io.perdura.sdk.common.converter.EncodedValues;
import io.perdura.sdk.internal.common.Payloads;
import io.perdura.sdk.workflow.DynamicUpdateHandler;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * Finds the handler of each update of a run: the {@code @UpdateMethod} of that name (of the workflow
 * or of a registered listener), with its {@code @UpdateValidatorMethod}, else the {@link
 * DynamicUpdateHandler}. An update with neither is rejected (Temporal's message), not kept.
 */
final class UpdateDispatcher {

    /** One update's handler with the update's arguments (a JSON array), decoded afresh for each call. */
    interface Handler {

        /** Runs the validator (or, without one, only decodes the arguments); throws to reject the update. */
        void validate();

        /** Runs the handler; what it returns is the update's result. */
        Object execute();
    }

    private record Registered(Object target, UpdateMethods methods) {}

    private final WorkflowRunContext context;
    private final Map<String, Registered> handlers = new TreeMap<>();
    private DynamicUpdateHandler dynamicHandler;

    UpdateDispatcher(WorkflowRunContext context) {
        this.context = context;
    }

    void add(String name, Object target, UpdateMethods methods) {
        if (handlers.putIfAbsent(name, new Registered(target, methods)) != null) {
            throw new IllegalStateException("update '" + name + "' already has a handler");
        }
    }

    /** Sets the handler of updates that have none of their own (replacing an earlier one). */
    void setDynamicHandler(DynamicUpdateHandler handler) {
        this.dynamicHandler = handler;
    }

    /** The handler of update {@code name} called with {@code args}, or null when nothing handles it. */
    Handler find(String name, JsonNode args) {
        Registered registered = handlers.get(name);
        if (registered != null) {
            Method handler = registered.methods().handler();
            Method validator = registered.methods().validator();
            return new Handler() {
                @Override
                public void validate() {
                    Object[] decoded = Payloads.arguments(context.dataConverter(), args, handler);
                    if (validator != null) {
                        Listeners.invoke(registered.target(), validator, decoded);
                    }
                }

                @Override
                public Object execute() {
                    return Listeners.invoke(
                            registered.target(), handler, Payloads.arguments(context.dataConverter(), args, handler));
                }
            };
        }
        DynamicUpdateHandler dynamic = dynamicHandler;
        if (dynamic != null) {
            return new Handler() {
                @Override
                public void validate() {
                    dynamic.handleValidate(name, new EncodedValues(args, context.dataConverter()));
                }

                @Override
                public Object execute() {
                    return dynamic.handleExecute(name, new EncodedValues(args, context.dataConverter()));
                }
            };
        }
        return null;
    }

    /** Why an update that nothing handles is rejected (Temporal's words). */
    String unknown(String name) {
        return "Unknown update name: " + name + ", knownTypes=" + handlers.keySet();
    }
}
