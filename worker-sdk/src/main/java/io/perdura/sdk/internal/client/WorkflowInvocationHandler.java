package io.perdura.sdk.internal.client;

import io.perdura.sdk.client.WorkflowStub;
import io.perdura.sdk.common.converter.DefaultDataConverter;
import io.perdura.sdk.workflow.QueryMethod;
import io.perdura.sdk.workflow.SignalMethod;
import io.perdura.sdk.workflow.UpdateMethod;
import io.perdura.sdk.workflow.UpdateValidatorMethod;
import io.perdura.sdk.workflow.WorkflowMethod;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;

/**
 * Behind a typed workflow stub: the @WorkflowMethod starts the run and waits for its result (or
 * only starts it inside {@code WorkflowClient.start}); a @SignalMethod signals; a @QueryMethod queries;
 * an @UpdateMethod sends an update and returns its result.
 */
public final class WorkflowInvocationHandler implements InvocationHandler {

    private final Class<?> iface;
    private final DefaultWorkflowStub stub;

    public WorkflowInvocationHandler(Class<?> iface, DefaultWorkflowStub stub) {
        this.iface = iface;
        this.stub = stub;
    }

    public WorkflowStub untyped() {
        return stub;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        Object[] arguments = args == null ? new Object[0] : args;
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "toString" -> "WorkflowStub(" + iface.getSimpleName() + ", " + stub.getExecution() + ")";
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == arguments[0];
                default -> throw new UnsupportedOperationException(method.getName());
            };
        }
        SignalWithStartBatch batch = SignalWithStartBatch.recording();
        if (method.isAnnotationPresent(WorkflowMethod.class)) {
            if (batch != null) {
                batch.recordStart(stub, arguments);
                return DefaultDataConverter.defaultValue(method.getReturnType());
            }
            return runWorkflowMethod(method, arguments);
        }
        SignalMethod signal = method.getAnnotation(SignalMethod.class);
        if (signal != null && batch != null) {
            batch.recordSignal(stub, signal.name().isEmpty() ? method.getName() : signal.name(), arguments);
            return null;
        }
        if (signal != null) {
            stub.signal(signal.name().isEmpty() ? method.getName() : signal.name(), arguments);
            return null;
        }
        QueryMethod query = method.getAnnotation(QueryMethod.class);
        if (query != null) {
            return stub.query(
                    query.name().isEmpty() ? method.getName() : query.name(),
                    method.getReturnType(),
                    method.getGenericReturnType(),
                    arguments);
        }
        UpdateMethod update = method.getAnnotation(UpdateMethod.class);
        if (update != null && batch != null) {
            throw new IllegalArgumentException(
                    "a signal-with-start request takes a @WorkflowMethod and a @SignalMethod call, not an update");
        }
        if (update != null) {
            return stub.update(
                    update.name().isEmpty() ? method.getName() : update.name(),
                    method.getReturnType(),
                    method.getGenericReturnType(),
                    arguments);
        }
        if (method.isAnnotationPresent(UpdateValidatorMethod.class)) {
            throw new UnsupportedOperationException(
                    method + " is an update validator, which the workflow runs; call its @UpdateMethod instead");
        }
        throw new UnsupportedOperationException(
                method + " is not annotated with @WorkflowMethod, @SignalMethod, @QueryMethod or @UpdateMethod");
    }

    private Object runWorkflowMethod(Method method, Object[] arguments) {
        if (AsyncStart.isActive()) {
            AsyncStart.record(stub.start(arguments));
            return DefaultDataConverter.defaultValue(method.getReturnType());
        }
        if (stub.canStart()) {
            stub.start(arguments);
        }
        return stub.getResult(method.getReturnType(), method.getGenericReturnType());
    }
}
