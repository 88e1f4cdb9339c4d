package io.perdura.sdk.internal.replay;

import io.perdura.sdk.workflow.DynamicQueryHandler;
import io.perdura.sdk.workflow.DynamicSignalHandler;
import io.perdura.sdk.workflow.DynamicUpdateHandler;
import io.perdura.sdk.workflow.QueryMethod;
import io.perdura.sdk.workflow.SignalMethod;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code Workflow.registerListener}: the {@code @SignalMethod}s, {@code @QueryMethod}s and {@code
 * @UpdateMethod}s (with their validators) of the interfaces an object implements become handlers of
 * the run, and a {@link DynamicSignalHandler}, {@link DynamicQueryHandler} or {@link
 * DynamicUpdateHandler} handles what has no handler of its own. Signals kept for them are delivered
 * once all of the object's handlers are registered, in arrival order.
 */
final class Listeners {

    private Listeners() {}

    static void register(Object listener, SignalDispatcher signals, QueryDispatcher queries, UpdateDispatcher updates) {
        Map<String, Method> signalMethods = new LinkedHashMap<>();
        Map<String, Method> queryMethods = new LinkedHashMap<>();
        List<Method> declared = new ArrayList<>();
        for (Class<?> iface : interfacesOf(listener.getClass())) {
            for (Method method : iface.getDeclaredMethods()) {
                declared.add(method);
                SignalMethod sm = method.getAnnotation(SignalMethod.class);
                QueryMethod qm = method.getAnnotation(QueryMethod.class);
                if (sm != null) {
                    if (method.getReturnType() != void.class) {
                        throw new IllegalArgumentException("@SignalMethod " + method + " must return void");
                    }
                    signalMethods.putIfAbsent(sm.name().isEmpty() ? method.getName() : sm.name(), method);
                } else if (qm != null) {
                    if (method.getReturnType() == void.class) {
                        throw new IllegalArgumentException("@QueryMethod " + method + " must return a value");
                    }
                    queryMethods.putIfAbsent(qm.name().isEmpty() ? method.getName() : qm.name(), method);
                }
            }
        }
        Map<String, UpdateMethods> updateMethods =
                UpdateMethods.of(declared, listener.getClass().getName());
        boolean dynamicSignals = listener instanceof DynamicSignalHandler;
        boolean dynamicQueries = listener instanceof DynamicQueryHandler;
        boolean dynamicUpdates = listener instanceof DynamicUpdateHandler;
        if (signalMethods.isEmpty()
                && queryMethods.isEmpty()
                && updateMethods.isEmpty()
                && !dynamicSignals
                && !dynamicQueries
                && !dynamicUpdates) {
            throw new IllegalArgumentException(listener.getClass().getName()
                    + " implements no interface with @SignalMethod, @QueryMethod or @UpdateMethod methods, and"
                    + " neither DynamicSignalHandler, DynamicQueryHandler nor DynamicUpdateHandler");
        }
        queryMethods.forEach((name, method) -> queries.add(name, listener, method));
        updateMethods.forEach((name, methods) -> updates.add(name, listener, methods));
        signalMethods.forEach((name, method) -> signals.add(name, listener, method));
        if (dynamicQueries) {
            queries.setDynamicHandler((DynamicQueryHandler) listener);
        }
        if (dynamicUpdates) {
            updates.setDynamicHandler((DynamicUpdateHandler) listener);
        }
        if (dynamicSignals) {
            signals.setDynamicHandler((DynamicSignalHandler) listener);
        }
        signals.deliverBuffered();
    }

    /** Every interface {@code type} implements, directly or not, most specific first. */
    private static Set<Class<?>> interfacesOf(Class<?> type) {
        Set<Class<?>> out = new LinkedHashSet<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            collect(c, out);
        }
        return out;
    }

    private static void collect(Class<?> type, Set<Class<?>> out) {
        for (Class<?> iface : type.getInterfaces()) {
            if (out.add(iface)) {
                collect(iface, out);
            }
        }
    }

    /** Calls a handler; what it throws is thrown as is. */
    static Object invoke(Object target, Method method, Object[] args) {
        try {
            method.setAccessible(true);
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw Listeners.<RuntimeException>sneaky(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + method, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
