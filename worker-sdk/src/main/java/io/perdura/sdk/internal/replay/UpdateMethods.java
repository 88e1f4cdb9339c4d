package io.perdura.sdk.internal.replay;

import io.perdura.sdk.workflow.QueryMethod;
import io.perdura.sdk.workflow.SignalMethod;
import io.perdura.sdk.workflow.UpdateMethod;
import io.perdura.sdk.workflow.UpdateValidatorMethod;
import io.perdura.sdk.workflow.WorkflowMethod;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The handler of one update name ({@link UpdateMethod}) and its validator ({@link
 * UpdateValidatorMethod}, null when it has none), read by Temporal's rules: a validator returns
 * void, takes exactly the parameters of its update method and names an update of the same
 * interfaces; an update has at most one validator; update names are unique.
 *
 * @param handler the update method
 * @param validator its validator, or null
 */
public record UpdateMethods(Method handler, Method validator) {

    /** The update handlers among {@code methods}, by update name; {@code owner} names them in errors. */
    static Map<String, UpdateMethods> of(Iterable<Method> methods, String owner) {
        Map<String, Method> handlers = new LinkedHashMap<>();
        Map<String, Method> validators = new LinkedHashMap<>();
        for (Method method : methods) {
            UpdateMethod update = method.getAnnotation(UpdateMethod.class);
            UpdateValidatorMethod validator = method.getAnnotation(UpdateValidatorMethod.class);
            if (update == null && validator == null) {
                continue;
            }
            if ((update != null && validator != null)
                    || method.isAnnotationPresent(WorkflowMethod.class)
                    || method.isAnnotationPresent(SignalMethod.class)
                    || method.isAnnotationPresent(QueryMethod.class)) {
                throw new IllegalArgumentException(method + " must carry exactly one of @WorkflowMethod,"
                        + " @SignalMethod, @QueryMethod, @UpdateMethod and @UpdateValidatorMethod");
            }
            if (update != null) {
                String name = update.name().isEmpty() ? method.getName() : update.name();
                Method previous = handlers.putIfAbsent(name, method);
                if (previous != null && !sameSignature(previous, method)) {
                    throw new IllegalArgumentException(
                            "duplicate update name '" + name + "' on " + previous + " and " + method);
                }
            } else {
                if (method.getReturnType() != void.class) {
                    throw new IllegalArgumentException("@UpdateValidatorMethod " + method + " must return void");
                }
                if (validator.updateName().isEmpty()) {
                    throw new IllegalArgumentException(
                            "@UpdateValidatorMethod " + method + " must name the update it validates");
                }
                Method previous = validators.putIfAbsent(validator.updateName(), method);
                if (previous != null && !sameSignature(previous, method)) {
                    throw new IllegalArgumentException("update '" + validator.updateName()
                            + "' has more than one @UpdateValidatorMethod: " + previous + " and " + method);
                }
            }
        }
        Map<String, UpdateMethods> out = new LinkedHashMap<>();
        validators.forEach((name, validator) -> {
            Method handler = handlers.get(name);
            if (handler == null) {
                throw new IllegalArgumentException("@UpdateValidatorMethod " + validator + " validates update '" + name
                        + "', which has no @UpdateMethod in " + owner);
            }
            if (!Arrays.equals(handler.getGenericParameterTypes(), validator.getGenericParameterTypes())) {
                throw new IllegalArgumentException("@UpdateValidatorMethod " + validator
                        + " must take the same parameters as @UpdateMethod " + handler);
            }
        });
        handlers.forEach((name, handler) -> out.put(name, new UpdateMethods(handler, validators.get(name))));
        return Map.copyOf(out);
    }

    /** The same method seen through two interfaces (a sub-interface redeclaring it). */
    private static boolean sameSignature(Method a, Method b) {
        return a.getName().equals(b.getName()) && Arrays.equals(a.getParameterTypes(), b.getParameterTypes());
    }
}
