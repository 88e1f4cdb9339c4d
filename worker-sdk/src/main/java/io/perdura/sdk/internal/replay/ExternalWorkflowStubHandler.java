package io.perdura.sdk.internal.replay;

import io.perdura.sdk.workflow.Promise;
import io.perdura.sdk.workflow.SignalMethod;
import java.lang.reflect.Method;

/**
 * Behind a typed external workflow stub: a @SignalMethod signals the workflow and waits until the
 * signal was delivered (under {@link io.perdura.sdk.workflow.Async}, returns its promise at once).
 */
final class ExternalWorkflowStubHandler extends AsyncStubHandler {

    private final DefaultExternalWorkflowStub stub;

    ExternalWorkflowStubHandler(Class<?> iface, DefaultExternalWorkflowStub stub) {
        super(iface);
        this.stub = stub;
    }

    DefaultExternalWorkflowStub untyped() {
        return stub;
    }

    @Override
    protected Promise<?> start(Method method, Object[] args) {
        SignalMethod signal = method.getAnnotation(SignalMethod.class);
        if (signal == null) {
            throw new UnsupportedOperationException(method
                    + " is not a @SignalMethod: workflow code can only signal an external workflow (or cancel it"
                    + " through ExternalWorkflowStub.fromTyped(stub).cancel())");
        }
        return stub.signalAsync(signal.name().isEmpty() ? method.getName() : signal.name(), args);
    }

    @Override
    protected String kind() {
        return "ExternalWorkflowStub";
    }
}
