package io.perdura.sdk.internal.replay;

import io.perdura.sdk.worker.WorkflowImplementationOptions;
import io.perdura.sdk.workflow.QueryMethod;
import io.perdura.sdk.workflow.SignalMethod;
import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a worker knows about one workflow type: its interface, entry point, signal, query and update
 * handlers, how to create an instance, and the options it was registered with.
 */
public record WorkflowDefinition(
        String workflowType,
        Class<?> workflowInterface,
        Method workflowMethod,
        Map<String, Method> signalMethods,
        Map<String, Method> queryMethods,
        Map<String, UpdateMethods> updateMethods,
        Supplier<Object> factory,
        WorkflowImplementationOptions implementationOptions) {

    /** This definition with {@code options} (null: none). */
    public WorkflowDefinition withImplementationOptions(WorkflowImplementationOptions options) {
        return new WorkflowDefinition(
                workflowType,
                workflowInterface,
                workflowMethod,
                signalMethods,
                queryMethods,
                updateMethods,
                factory,
                options == null ? WorkflowImplementationOptions.getDefaultInstance() : options);
    }

    /** The definition of an implementation class with a public no-argument constructor. */
    public static WorkflowDefinition forImplementation(Class<?> implClass) {
        if (implClass.isInterface() || Modifier.isAbstract(implClass.getModifiers())) {
            throw new IllegalArgumentException(implClass.getName() + " is not a concrete workflow implementation");
        }
        Class<?> iface = findWorkflowInterface(implClass);
        Constructor<?> constructor;
        try {
            constructor = implClass.getDeclaredConstructor();
            constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(
                    implClass.getName() + " needs a no-argument constructor; or register a factory", e);
        }
        Constructor<?> finalConstructor = constructor;
        return of(iface, () -> {
            try {
                return finalConstructor.newInstance();
            } catch (InvocationTargetException e) {
                throw rethrow(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot instantiate " + implClass.getName(), e);
            }
        });
    }

    /** The definition of {@code iface}, with instances made by {@code factory}. */
    public static WorkflowDefinition of(Class<?> iface, Supplier<?> factory) {
        if (!iface.isInterface() || !iface.isAnnotationPresent(WorkflowInterface.class)) {
            throw new IllegalArgumentException(iface.getName() + " is not annotated with @WorkflowInterface");
        }
        Method main = null;
        Map<String, Method> signals = new HashMap<>();
        Map<String, Method> queries = new HashMap<>();
        for (Method method : iface.getMethods()) {
            WorkflowMethod wm = method.getAnnotation(WorkflowMethod.class);
            SignalMethod sm = method.getAnnotation(SignalMethod.class);
            QueryMethod qm = method.getAnnotation(QueryMethod.class);
            if (wm != null) {
                if (main != null) {
                    throw new IllegalArgumentException(iface.getName() + " has more than one @WorkflowMethod");
                }
                main = method;
            } else if (sm != null) {
                if (method.getReturnType() != void.class) {
                    throw new IllegalArgumentException("@SignalMethod " + method + " must return void");
                }
                putUnique(signals, sm.name().isEmpty() ? method.getName() : sm.name(), method);
            } else if (qm != null) {
                if (method.getReturnType() == void.class) {
                    throw new IllegalArgumentException("@QueryMethod " + method + " must return a value");
                }
                putUnique(queries, qm.name().isEmpty() ? method.getName() : qm.name(), method);
            }
        }
        if (main == null) {
            throw new IllegalArgumentException(iface.getName() + " has no @WorkflowMethod");
        }
        @SuppressWarnings("unchecked")
        Supplier<Object> objectFactory = (Supplier<Object>) factory;
        return new WorkflowDefinition(
                workflowType(iface),
                iface,
                main,
                Map.copyOf(signals),
                Map.copyOf(queries),
                UpdateMethods.of(List.of(iface.getMethods()), iface.getName()),
                objectFactory,
                WorkflowImplementationOptions.getDefaultInstance());
    }

    /** The workflow type of an interface: the @WorkflowMethod name, or the interface's simple name. */
    public static String workflowType(Class<?> iface) {
        for (Method method : iface.getMethods()) {
            WorkflowMethod wm = method.getAnnotation(WorkflowMethod.class);
            if (wm != null) {
                return wm.name().isEmpty() ? iface.getSimpleName() : wm.name();
            }
        }
        throw new IllegalArgumentException(iface.getName() + " has no @WorkflowMethod");
    }

    /** The @WorkflowInterface implemented by {@code implClass} (directly or through a superclass). */
    public static Class<?> findWorkflowInterface(Class<?> implClass) {
        Class<?> found = null;
        for (Class<?> c = implClass; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Class<?> iface : c.getInterfaces()) {
                if (iface.isAnnotationPresent(WorkflowInterface.class)) {
                    if (found != null && found != iface) {
                        throw new IllegalArgumentException(
                                implClass.getName() + " implements more than one @WorkflowInterface");
                    }
                    found = iface;
                }
            }
        }
        if (found == null) {
            throw new IllegalArgumentException(implClass.getName() + " implements no @WorkflowInterface");
        }
        return found;
    }

    private static void putUnique(Map<String, Method> map, String name, Method method) {
        if (map.put(name, method) != null) {
            throw new IllegalArgumentException("duplicate handler name '" + name + "' on " + method);
        }
    }

    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException re) {
            return re;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }
}
