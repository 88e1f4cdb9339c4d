package io.perdura.sdk.internal.replay;

import io.perdura.sdk.workflow.Promise;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;

/**
 * Backs {@link io.perdura.sdk.workflow.Async}. A method reference to a method of a stub whose
 * handler is an {@link AsyncStubHandler} is called at once on the calling coroutine with an "async
 * invocation" marker set on the thread: the handler starts the call, hands its promise over through
 * {@link #claim} and returns without waiting. Any other function runs in a new coroutine.
 */
public final class AsyncInvocation {

    private static final ThreadLocal<AsyncInvocation> CURRENT = new ThreadLocal<>();

    private Promise<?> result;

    private AsyncInvocation() {}

    /** Runs {@code call} (which applies {@code function} to its arguments) asynchronously. */
    @SuppressWarnings("unchecked")
    public static <R> Promise<R> execute(Object function, Supplier<R> call) {
        WorkflowRunContext context = WorkflowInternal.current();
        if (!isStubMethodReference(function)) {
            return context.runAsync(call);
        }
        AsyncInvocation previous = CURRENT.get();
        AsyncInvocation invocation = new AsyncInvocation();
        CURRENT.set(invocation);
        try {
            call.get();
        } catch (RuntimeException e) {
            if (invocation.result == null) {
                return Promises.failed(e);
            }
            throw e;
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
        if (invocation.result == null) {
            throw new IllegalStateException("the stub method given to Async made no call");
        }
        return (Promise<R>) invocation.result;
    }

    /**
     * Called by a stub handler that started a call: when an Async invocation waits on this thread
     * for a promise, takes {@code promise} and returns true (the handler must then return at once).
     */
    static boolean claim(Promise<?> promise) {
        AsyncInvocation invocation = CURRENT.get();
        if (invocation == null || invocation.result != null) {
            return false;
        }
        invocation.result = promise;
        return true;
    }

    /** Whether {@code function} is {@code stub::method} for a stub an {@link AsyncStubHandler} serves. */
    static boolean isStubMethodReference(Object function) {
        SerializedLambda lambda = serialized(function);
        if (lambda == null
                || lambda.getImplMethodKind() != MethodHandleInfo.REF_invokeInterface
                || lambda.getCapturedArgCount() == 0) {
            return false;
        }
        Object target = lambda.getCapturedArg(0);
        return target != null
                && Proxy.isProxyClass(target.getClass())
                && Proxy.getInvocationHandler(target) instanceof AsyncStubHandler;
    }

    private static SerializedLambda serialized(Object function) {
        try {
            Method writeReplace = function.getClass().getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            return writeReplace.invoke(function) instanceof SerializedLambda lambda ? lambda : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            // not a serializable lambda, or its class is not open to the SDK: treat it as plain code
            return null;
        }
    }
}
