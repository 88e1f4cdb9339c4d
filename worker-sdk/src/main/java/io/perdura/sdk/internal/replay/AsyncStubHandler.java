package io.perdura.sdk.internal.replay;

import io.perdura.sdk.common.converter.DefaultDataConverter;
import io.perdura.sdk.workflow.Promise;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;

/**
 * The handler of a stub that workflow code calls (activities, local activities, child workflows,
 * external workflows). A subclass only starts the call and returns its
 * promise ({@link #start}); this class makes the call blocking, or, under {@link
 * io.perdura.sdk.workflow.Async} with a method reference to the stub, hands the promise to the Async
 * call and returns at once, so the command is part of the current workflow task in call order.
 */
public abstract class AsyncStubHandler implements InvocationHandler {

    private final Class<?> iface;

    protected AsyncStubHandler(Class<?> iface) {
        this.iface = iface;
    }

    /**
     * Starts the call of {@code method} with {@code args} (never null) on the calling workflow
     * coroutine, registering what it starts with the current {@link DefaultCancellationScope}; the
     * promise completes with the call's result converted to the method's return type, or its failure.
     */
    protected abstract Promise<?> start(Method method, Object[] args);

    /** What the stub is, for toString, e.g. {@code ActivityStub}. */
    protected abstract String kind();

    @Override
    public final Object invoke(Object proxy, Method method, Object[] args) {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "toString" -> kind() + "(" + iface.getName() + ")";
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> throw new UnsupportedOperationException(method.getName());
            };
        }
        Promise<?> promise = start(method, args == null ? new Object[0] : args);
        if (AsyncInvocation.claim(promise)) {
            return DefaultDataConverter.defaultValue(method.getReturnType());
        }
        return promise.get();
    }

    protected final Class<?> iface() {
        return iface;
    }
}
