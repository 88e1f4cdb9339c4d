package io.perdura.sdk.internal.worker;

import io.perdura.sdk.activity.ActivityInterface;
import io.perdura.sdk.common.converter.DataConverter;
import io.perdura.sdk.internal.common.ActivityNames;
import io.perdura.sdk.internal.common.Payloads;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/** The activity implementations of a worker, by activity type. */
public final class ActivityRegistry {

    /** One activity type: the object and method that implement it. */
    public record ActivityImplementation(String activityType, Object target, Method method) {

        /** The method's arguments {@code converter} reads from {@code input}. */
        public Object[] arguments(JsonNode input, DataConverter converter) {
            return Payloads.arguments(converter, input, method);
        }

        /** Calls the method; throws what it throws. */
        public Object call(Object[] args) throws Throwable {
            method.setAccessible(true);
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    private final Map<String, ActivityImplementation> byType = new ConcurrentHashMap<>();
    private final DataConverter dataConverter;

    /** A registry whose activities' arguments and results the default converter converts. */
    public ActivityRegistry() {
        this(DataConverter.getDefaultInstance());
    }

    /** A registry whose activities' arguments and results {@code dataConverter} converts. */
    public ActivityRegistry(DataConverter dataConverter) {
        this.dataConverter = dataConverter;
    }

    /** How the activities' arguments and results become payloads and back. */
    public DataConverter dataConverter() {
        return dataConverter;
    }

    /** Registers every method of every @ActivityInterface that {@code impl} implements. */
    public void register(Object impl) {
        Set<Class<?>> interfaces = new LinkedHashSet<>();
        for (Class<?> c = impl.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            collect(c, interfaces);
        }
        if (interfaces.isEmpty()) {
            throw new IllegalArgumentException(impl.getClass().getName() + " implements no @ActivityInterface");
        }
        for (Class<?> iface : interfaces) {
            for (Method method : iface.getMethods()) {
                if (method.isDefault() || Modifier.isStatic(method.getModifiers())) {
                    continue;
                }
                String type = ActivityNames.activityType(iface, method);
                ActivityImplementation previous =
                        byType.putIfAbsent(type, new ActivityImplementation(type, impl, method));
                if (previous != null && previous.target() != impl) {
                    throw new IllegalArgumentException("activity type '" + type + "' is already registered by "
                            + previous.target().getClass().getName());
                }
            }
        }
    }

    private static void collect(Class<?> type, Set<Class<?>> out) {
        for (Class<?> iface : type.getInterfaces()) {
            if (iface.isAnnotationPresent(ActivityInterface.class)) {
                out.add(iface);
            }
            collect(iface, out);
        }
    }

    public ActivityImplementation get(String activityType) {
        return byType.get(activityType);
    }

    public boolean isEmpty() {
        return byType.isEmpty();
    }

    public Set<String> activityTypes() {
        return Set.copyOf(byType.keySet());
    }
}
