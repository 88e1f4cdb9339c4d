package io.perdura.sdk.internal.replay;

import io.perdura.sdk.workflow.Promise;
import io.perdura.sdk.workflow.QueryMethod;
import io.perdura.sdk.workflow.SignalMethod;
import io.perdura.sdk.workflow.WorkflowMethod;
import java.lang.reflect.Method;

/**
 * Behind a typed child workflow stub: its @WorkflowMethod starts the child and gives its result, a
 * @SignalMethod signals it; under {@link io.perdura.sdk.workflow.Async} both return their promise at
 * once. Queries go through a client, not through workflow code.
 */
final class ChildWorkflowStubHandler extends AsyncStubHandler {

    private final DefaultChildWorkflowStub stub;

    ChildWorkflowStubHandler(Class<?> iface, DefaultChildWorkflowStub stub) {
        super(iface);
        this.stub = stub;
    }

    DefaultChildWorkflowStub untyped() {
        return stub;
    }

    @Override
    protected Promise<?> start(Method method, Object[] args) {
        if (method.isAnnotationPresent(WorkflowMethod.class)) {
            return stub.executeAsync(method.getReturnType(), method.getGenericReturnType(), args);
        }
        SignalMethod signal = method.getAnnotation(SignalMethod.class);
        if (signal != null) {
            return stub.signalAsync(signal.name().isEmpty() ? method.getName() : signal.name(), args);
        }
        if (method.isAnnotationPresent(QueryMethod.class)) {
            throw new UnsupportedOperationException(
                    method + ": workflow code cannot query a child workflow; a WorkflowClient can");
        }
        throw new UnsupportedOperationException(
                method + " is not a @WorkflowMethod or @SignalMethod, the methods of a child workflow stub");
    }

    @Override
    protected String kind() {
        return "ChildWorkflowStub";
    }
}
