package io.perdura.sdk.internal.replay;

import io.perdura.sdk.workflow.DynamicQueryHandler;
import io.perdura.sdk.workflow.DynamicSignalHandler;
import io.perdura.sdk.workflow.QueryMethod;
import io.perdura.sdk.workflow.SignalMethod;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code Workflow.registerListener}: the {@code @SignalMethod}s and {@code @QueryMethod}s of the
 * interfaces an object implements become handlers of the run, and a {@link DynamicSignalHandler} or
 * {@link DynamicQueryHandler} handles what has no handler of its own. Signals kept for them are
 * delivered once all of the object's handlers are registered, in arrival order.
 */
final class Listeners {

    private Listeners() {}

    static void register(Object listener, SignalDispatcher signals, QueryDispatcher queries) {
        Map<String, Method> signalMethods = new LinkedHashMap<>();
        Map<String, Method> queryMethods = new LinkedHashMap<>();
        for (Class<?> iface : interfacesOf(listener.getClass())) {
            for (Method method : iface.getDeclaredMethods()) {
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
        boolean dynamicSignals = listener instanceof DynamicSignalHandler;
        boolean dynamicQueries = listener instanceof DynamicQueryHandler;
        if (signalMethods.isEmpty() && queryMethods.isEmpty() && !dynamicSignals && !dynamicQueries) {
            throw new IllegalArgumentException(listener.getClass().getName()
                    + " implements no interface with @SignalMethod or @QueryMethod methods, and neither"
                    + " DynamicSignalHandler nor DynamicQueryHandler");
        }
        queryMethods.forEach((name, method) -> queries.add(name, listener, method));
        signalMethods.forEach((name, method) -> signals.add(name, listener, method));
        if (dynamicQueries) {
            queries.setDynamicHandler((DynamicQueryHandler) listener);
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
