package io.perdura.sdk.internal.replay;

import io.perdura.common.history.EventAttributes.WorkflowExecutionSignaled;
import io.perdura.sdk.common.converter.EncodedValues;
import io.perdura.sdk.common.interceptors.WorkflowInboundCallsInterceptor;
import io.perdura.sdk.internal.common.HeaderCodec;
import io.perdura.sdk.internal.common.Payloads;
import io.perdura.sdk.workflow.DynamicSignalHandler;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Hands each signal of a run to its handler: the {@code @SignalMethod} of that name (of the workflow
 * or of a registered listener), else the {@link DynamicSignalHandler}. A signal with neither is
 * kept, in arrival order, and delivered when a handler for it is registered; as registration is
 * workflow code, that point is the same on every replay. Each delivered signal runs its handler on a
 * coroutine of its own, in the run's scope.
 */
final class SignalDispatcher {

    private record Handler(Object target, Method method) {}

    private final WorkflowRunContext context;
    private final Map<String, Handler> handlers = new HashMap<>();
    private final List<WorkflowExecutionSignaled> buffered = new ArrayList<>();
    private DynamicSignalHandler dynamicHandler;
    private int running;

    SignalDispatcher(WorkflowRunContext context) {
        this.context = context;
    }

    /** Adds the handler of signal {@code name}; {@link #deliverBuffered} delivers what waited for it. */
    void add(String name, Object target, Method method) {
        if (handlers.putIfAbsent(name, new Handler(target, method)) != null) {
            throw new IllegalStateException("signal '" + name + "' already has a handler");
        }
    }

    /** Sets the handler of signals that have none of their own (replacing an earlier one). */
    void setDynamicHandler(DynamicSignalHandler handler) {
        this.dynamicHandler = handler;
    }

    /** A signal from history: to its handler, or kept until one is registered. */
    void handle(WorkflowExecutionSignaled signal) {
        if (!deliver(signal)) {
            buffered.add(signal);
        }
    }

    /** Delivers, in arrival order, the kept signals that have a handler now. */
    void deliverBuffered() {
        for (Iterator<WorkflowExecutionSignaled> it = buffered.iterator(); it.hasNext(); ) {
            if (deliver(it.next())) {
                it.remove();
            }
        }
    }

    /** Calls the typed handler of signal {@code name} (the innermost inbound interceptor's call). */
    void invoke(String name, Object[] args) {
        Handler handler = handlers.get(name);
        if (handler == null) {
            throw new IllegalArgumentException("signal '" + name + "' has no handler");
        }
        Listeners.invoke(handler.target(), handler.method(), args);
    }

    /** Number of handlers of delivered signals that have not returned yet. */
    int runningHandlers() {
        return running;
    }

    /** Number of signals kept for a handler that is not registered yet. */
    int bufferedCount() {
        return buffered.size();
    }

    private boolean deliver(WorkflowExecutionSignaled signal) {
        String name = signal.signalName();
        Handler handler = handlers.get(name);
        if (handler != null) {
            spawn(name, () -> {
                Object[] args = Payloads.arguments(context.dataConverter(), signal.input(), handler.method());
                WorkflowInboundCallsInterceptor inbound = context.inbound();
                if (inbound == null) {
                    Listeners.invoke(handler.target(), handler.method(), args);
                } else {
                    inbound.handleSignal(new WorkflowInboundCallsInterceptor.SignalInput(
                            name, args, HeaderCodec.fromJson(signal.header())));
                }
            });
            return true;
        }
        DynamicSignalHandler dynamic = dynamicHandler;
        if (dynamic != null) {
            spawn(name, () -> dynamic.handle(name, new EncodedValues(signal.input(), context.dataConverter())));
            return true;
        }
        return false;
    }

    private void spawn(String name, Runnable body) {
        running++;
        context.spawn("signal-" + name, DefaultCancellationScope.childOf(context.runScope()), () -> {
            try {
                body.run();
            } finally {
                running--;
            }
        });
    }
}
