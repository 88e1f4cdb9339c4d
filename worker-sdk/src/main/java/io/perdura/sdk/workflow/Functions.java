package io.perdura.sdk.workflow;

import java.io.Serializable;

/**
 * Functional interfaces for method references, e.g. {@code WorkflowClient.start(hello::greet,
 * "World")} or {@code Async.function(activities::charge, order)}. They are {@link Serializable} so
 * that {@link Async} can tell a method reference to a stub from any other function.
 */
public final class Functions {

    private Functions() {}

    /** A function of 0 argument(s) returning a value. */
    @FunctionalInterface
    public interface Func<R> extends Serializable {
        R apply();
    }

    /** A procedure of 0 argument(s). */
    @FunctionalInterface
    public interface Proc extends Serializable {
        void apply();
    }

    /** A function of 1 argument(s) returning a value. */
    @FunctionalInterface
    public interface Func1<T1, R> extends Serializable {
        R apply(T1 arg1);
    }

    /** A procedure of 1 argument(s). */
    @FunctionalInterface
    public interface Proc1<T1> extends Serializable {
        void apply(T1 arg1);
    }

    /** A function of 2 argument(s) returning a value. */
    @FunctionalInterface
    public interface Func2<T1, T2, R> extends Serializable {
        R apply(T1 arg1, T2 arg2);
    }

    /** A procedure of 2 argument(s). */
    @FunctionalInterface
    public interface Proc2<T1, T2> extends Serializable {
        void apply(T1 arg1, T2 arg2);
    }

    /** A function of 3 argument(s) returning a value. */
    @FunctionalInterface
    public interface Func3<T1, T2, T3, R> extends Serializable {
        R apply(T1 arg1, T2 arg2, T3 arg3);
    }

    /** A procedure of 3 argument(s). */
    @FunctionalInterface
    public interface Proc3<T1, T2, T3> extends Serializable {
        void apply(T1 arg1, T2 arg2, T3 arg3);
    }

    /** A function of 4 argument(s) returning a value. */
    @FunctionalInterface
    public interface Func4<T1, T2, T3, T4, R> extends Serializable {
        R apply(T1 arg1, T2 arg2, T3 arg3, T4 arg4);
    }

    /** A procedure of 4 argument(s). */
    @FunctionalInterface
    public interface Proc4<T1, T2, T3, T4> extends Serializable {
        void apply(T1 arg1, T2 arg2, T3 arg3, T4 arg4);
    }

    /** A function of 5 argument(s) returning a value. */
    @FunctionalInterface
    public interface Func5<T1, T2, T3, T4, T5, R> extends Serializable {
        R apply(T1 arg1, T2 arg2, T3 arg3, T4 arg4, T5 arg5);
    }

    /** A procedure of 5 argument(s). */
    @FunctionalInterface
    public interface Proc5<T1, T2, T3, T4, T5> extends Serializable {
        void apply(T1 arg1, T2 arg2, T3 arg3, T4 arg4, T5 arg5);
    }

    /** A function of 6 argument(s) returning a value. */
    @FunctionalInterface
    public interface Func6<T1, T2, T3, T4, T5, T6, R> extends Serializable {
        R apply(T1 arg1, T2 arg2, T3 arg3, T4 arg4, T5 arg5, T6 arg6);
    }

    /** A procedure of 6 argument(s). */
    @FunctionalInterface
    public interface Proc6<T1, T2, T3, T4, T5, T6> extends Serializable {
        void apply(T1 arg1, T2 arg2, T3 arg3, T4 arg4, T5 arg5, T6 arg6);
    }
}
