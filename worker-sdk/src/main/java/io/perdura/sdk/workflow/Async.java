package io.perdura.sdk.workflow;

import io.perdura.sdk.internal.replay.AsyncInvocation;

/**
 * Starts work without waiting for it. Given a method reference to a stub's method ({@code
 * Async.function(activities::charge, order)}), the call is made at once in the calling coroutine:
 * its command is part of the current workflow task, in call order, and the promise completes with
 * the call's outcome. Given any other function, it runs in a new workflow coroutine (in the current
 * {@link CancellationScope}), which starts once the caller blocks, and the promise completes with
 * what it returns or throws.
 */
public final class Async {

    private Async() {}

    /** Calls {@code function} asynchronously; the promise completes with its result. */
    public static <R> Promise<R> function(Functions.Func<R> function) {
        return AsyncInvocation.execute(function, () -> function.apply());
    }

    /** Calls {@code function} asynchronously; the promise completes with its result. */
    public static <A1, R> Promise<R> function(Functions.Func1<A1, R> function, A1 arg1) {
        return AsyncInvocation.execute(function, () -> function.apply(arg1));
    }

    /** Calls {@code function} asynchronously; the promise completes with its result. */
    public static <A1, A2, R> Promise<R> function(Functions.Func2<A1, A2, R> function, A1 arg1, A2 arg2) {
        return AsyncInvocation.execute(function, () -> function.apply(arg1, arg2));
    }

    /** Calls {@code function} asynchronously; the promise completes with its result. */
    public static <A1, A2, A3, R> Promise<R> function(
            Functions.Func3<A1, A2, A3, R> function, A1 arg1, A2 arg2, A3 arg3) {
        return AsyncInvocation.execute(function, () -> function.apply(arg1, arg2, arg3));
    }

    /** Calls {@code function} asynchronously; the promise completes with its result. */
    public static <A1, A2, A3, A4, R> Promise<R> function(
            Functions.Func4<A1, A2, A3, A4, R> function, A1 arg1, A2 arg2, A3 arg3, A4 arg4) {
        return AsyncInvocation.execute(function, () -> function.apply(arg1, arg2, arg3, arg4));
    }

    /** Calls {@code function} asynchronously; the promise completes with its result. */
    public static <A1, A2, A3, A4, A5, R> Promise<R> function(
            Functions.Func5<A1, A2, A3, A4, A5, R> function, A1 arg1, A2 arg2, A3 arg3, A4 arg4, A5 arg5) {
        return AsyncInvocation.execute(function, () -> function.apply(arg1, arg2, arg3, arg4, arg5));
    }

    /** Calls {@code function} asynchronously; the promise completes with its result. */
    public static <A1, A2, A3, A4, A5, A6, R> Promise<R> function(
            Functions.Func6<A1, A2, A3, A4, A5, A6, R> function, A1 arg1, A2 arg2, A3 arg3, A4 arg4, A5 arg5, A6 arg6) {
        return AsyncInvocation.execute(function, () -> function.apply(arg1, arg2, arg3, arg4, arg5, arg6));
    }

    /** Calls {@code procedure} asynchronously; the promise completes when it returns. */
    public static Promise<Void> procedure(Functions.Proc procedure) {
        return AsyncInvocation.execute(procedure, () -> {
            procedure.apply();
            return null;
        });
    }

    /** Calls {@code procedure} asynchronously; the promise completes when it returns. */
    public static <A1> Promise<Void> procedure(Functions.Proc1<A1> procedure, A1 arg1) {
        return AsyncInvocation.execute(procedure, () -> {
            procedure.apply(arg1);
            return null;
        });
    }

    /** Calls {@code procedure} asynchronously; the promise completes when it returns. */
    public static <A1, A2> Promise<Void> procedure(Functions.Proc2<A1, A2> procedure, A1 arg1, A2 arg2) {
        return AsyncInvocation.execute(procedure, () -> {
            procedure.apply(arg1, arg2);
            return null;
        });
    }

    /** Calls {@code procedure} asynchronously; the promise completes when it returns. */
    public static <A1, A2, A3> Promise<Void> procedure(
            Functions.Proc3<A1, A2, A3> procedure, A1 arg1, A2 arg2, A3 arg3) {
        return AsyncInvocation.execute(procedure, () -> {
            procedure.apply(arg1, arg2, arg3);
            return null;
        });
    }

    /** Calls {@code procedure} asynchronously; the promise completes when it returns. */
    public static <A1, A2, A3, A4> Promise<Void> procedure(
            Functions.Proc4<A1, A2, A3, A4> procedure, A1 arg1, A2 arg2, A3 arg3, A4 arg4) {
        return AsyncInvocation.execute(procedure, () -> {
            procedure.apply(arg1, arg2, arg3, arg4);
            return null;
        });
    }

    /** Calls {@code procedure} asynchronously; the promise completes when it returns. */
    public static <A1, A2, A3, A4, A5> Promise<Void> procedure(
            Functions.Proc5<A1, A2, A3, A4, A5> procedure, A1 arg1, A2 arg2, A3 arg3, A4 arg4, A5 arg5) {
        return AsyncInvocation.execute(procedure, () -> {
            procedure.apply(arg1, arg2, arg3, arg4, arg5);
            return null;
        });
    }

    /** Calls {@code procedure} asynchronously; the promise completes when it returns. */
    public static <A1, A2, A3, A4, A5, A6> Promise<Void> procedure(
            Functions.Proc6<A1, A2, A3, A4, A5, A6> procedure, A1 arg1, A2 arg2, A3 arg3, A4 arg4, A5 arg5, A6 arg6) {
        return AsyncInvocation.execute(procedure, () -> {
            procedure.apply(arg1, arg2, arg3, arg4, arg5, arg6);
            return null;
        });
    }
}
