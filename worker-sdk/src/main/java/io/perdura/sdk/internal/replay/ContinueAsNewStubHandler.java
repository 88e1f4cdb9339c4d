package io.perdura.sdk.internal.replay;

import io.perdura.sdk.workflow.ContinueAsNewOptions;
import io.perdura.sdk.workflow.WorkflowMethod;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;

/** A stub whose @WorkflowMethod continues the current run as a new run of the stub's workflow type. */
final class ContinueAsNewStubHandler implements InvocationHandler {

    private final Class<?> iface;
    private final String workflowType;
    private final ContinueAsNewOptions options;

    ContinueAsNewStubHandler(Class<?> iface, ContinueAsNewOptions options) {
        this.iface = iface;
        this.workflowType = WorkflowDefinition.workflowType(iface);
        this.options = options;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "toString" -> "ContinueAsNewStub(" + iface.getName() + ")";
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> throw new UnsupportedOperationException(method.getName());
            };
        }
        if (!method.isAnnotationPresent(WorkflowMethod.class)) {
            throw new UnsupportedOperationException(
                    "a continue-as-new stub only has its @WorkflowMethod; " + method.getName() + " is not");
        }
        WorkflowInternal.current().continueAsNew(workflowType, options, args == null ? new Object[0] : args);
        throw new IllegalStateException("continue-as-new returned");
    }
}
