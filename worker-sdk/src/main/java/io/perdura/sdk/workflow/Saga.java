package io.perdura.sdk.workflow;

import java.util.ArrayList;
import java.util.List;

/**
 * Compensations of a saga, as in Temporal: workflow code adds one for each step that succeeded and,
 * when a later step fails, {@link #compensate()} undoes them.
 *
 * <pre>{@code
 * Saga saga = new Saga(new Saga.Options.Builder().build());
 * try {
 *   Receipt receipt = payments.charge(order);
 *   saga.addCompensation(payments::refund, receipt);
 *   shipping.ship(order);
 * } catch (ActivityFailure e) {
 *   saga.compensate();
 *   throw e;
 * }
 * }</pre>
 *
 * Each compensation runs as with {@link Async}: a method reference to a stub's method issues its
 * command at once, any other function runs in a workflow coroutine of its own.
 */
public final class Saga {

    private final Options options;
    private final List<Functions.Func<Promise<?>>> compensations = new ArrayList<>();

    public Saga(Options options) {
        this.options = options == null ? new Options.Builder().build() : options;
    }

    /** A saga with the default options: sequential compensation that stops at the first failure. */
    public Saga() {
        this(null);
    }

    /**
     * Runs the compensations: by default one after the other in the reverse order they were added,
     * stopping at the first that fails, or past failures with {@link Options.Builder#setContinueWithError};
     * with {@link Options.Builder#setParallelCompensation} all at once (started in the order they were
     * added), waiting for every one.
     *
     * @throws CompensationException when compensations failed: its cause is the first failure, the
     *     later ones are suppressed
     */
    public void compensate() {
        CompensationException failure = null;
        if (options.parallelCompensation) {
            List<Promise<?>> started = new ArrayList<>();
            for (Functions.Func<Promise<?>> compensation : compensations) {
                started.add(compensation.apply());
            }
            for (Promise<?> promise : started) {
                try {
                    promise.get();
                } catch (RuntimeException e) {
                    failure = collect(failure, e);
                }
            }
        } else {
            for (int i = compensations.size() - 1; i >= 0; i--) {
                try {
                    compensations.get(i).apply().get();
                } catch (RuntimeException e) {
                    failure = collect(failure, e);
                    if (!options.continueWithError) {
                        break;
                    }
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static CompensationException collect(CompensationException failure, RuntimeException e) {
        if (failure == null) {
            return new CompensationException(e);
        }
        failure.addSuppressed(e);
        return failure;
    }

    public void addCompensation(Functions.Proc operation) {
        compensations.add(() -> Async.procedure(operation));
    }

    public <A1> void addCompensation(Functions.Proc1<A1> operation, A1 arg1) {
        compensations.add(() -> Async.procedure(operation, arg1));
    }

    public <A1, A2> void addCompensation(Functions.Proc2<A1, A2> operation, A1 arg1, A2 arg2) {
        compensations.add(() -> Async.procedure(operation, arg1, arg2));
    }

    public <A1, A2, A3> void addCompensation(Functions.Proc3<A1, A2, A3> operation, A1 arg1, A2 arg2, A3 arg3) {
        compensations.add(() -> Async.procedure(operation, arg1, arg2, arg3));
    }

    public <A1, A2, A3, A4> void addCompensation(
            Functions.Proc4<A1, A2, A3, A4> operation, A1 arg1, A2 arg2, A3 arg3, A4 arg4) {
        compensations.add(() -> Async.procedure(operation, arg1, arg2, arg3, arg4));
    }

    public <A1, A2, A3, A4, A5> void addCompensation(
            Functions.Proc5<A1, A2, A3, A4, A5> operation, A1 arg1, A2 arg2, A3 arg3, A4 arg4, A5 arg5) {
        compensations.add(() -> Async.procedure(operation, arg1, arg2, arg3, arg4, arg5));
    }

    public <A1, A2, A3, A4, A5, A6> void addCompensation(
            Functions.Proc6<A1, A2, A3, A4, A5, A6> operation, A1 arg1, A2 arg2, A3 arg3, A4 arg4, A5 arg5, A6 arg6) {
        compensations.add(() -> Async.procedure(operation, arg1, arg2, arg3, arg4, arg5, arg6));
    }

    public <R> void addCompensation(Functions.Func<R> operation) {
        compensations.add(() -> Async.function(operation));
    }

    public <A1, R> void addCompensation(Functions.Func1<A1, R> operation, A1 arg1) {
        compensations.add(() -> Async.function(operation, arg1));
    }

    public <A1, A2, R> void addCompensation(Functions.Func2<A1, A2, R> operation, A1 arg1, A2 arg2) {
        compensations.add(() -> Async.function(operation, arg1, arg2));
    }

    public <A1, A2, A3, R> void addCompensation(Functions.Func3<A1, A2, A3, R> operation, A1 arg1, A2 arg2, A3 arg3) {
        compensations.add(() -> Async.function(operation, arg1, arg2, arg3));
    }

    public <A1, A2, A3, A4, R> void addCompensation(
            Functions.Func4<A1, A2, A3, A4, R> operation, A1 arg1, A2 arg2, A3 arg3, A4 arg4) {
        compensations.add(() -> Async.function(operation, arg1, arg2, arg3, arg4));
    }

    public <A1, A2, A3, A4, A5, R> void addCompensation(
            Functions.Func5<A1, A2, A3, A4, A5, R> operation, A1 arg1, A2 arg2, A3 arg3, A4 arg4, A5 arg5) {
        compensations.add(() -> Async.function(operation, arg1, arg2, arg3, arg4, arg5));
    }

    public <A1, A2, A3, A4, A5, A6, R> void addCompensation(
            Functions.Func6<A1, A2, A3, A4, A5, A6, R> operation,
            A1 arg1,
            A2 arg2,
            A3 arg3,
            A4 arg4,
            A5 arg5,
            A6 arg6) {
        compensations.add(() -> Async.function(operation, arg1, arg2, arg3, arg4, arg5, arg6));
    }

    /** How {@link #compensate()} runs the compensations. */
    public static final class Options {

        private final boolean parallelCompensation;
        private final boolean continueWithError;

        private Options(boolean parallelCompensation, boolean continueWithError) {
            this.parallelCompensation = parallelCompensation;
            this.continueWithError = continueWithError;
        }

        public static Builder newBuilder() {
            return new Builder();
        }

        public boolean isParallelCompensation() {
            return parallelCompensation;
        }

        public boolean isContinueWithError() {
            return continueWithError;
        }

        /** Builds {@link Options}. */
        public static final class Builder {
            private boolean parallelCompensation;
            private boolean continueWithError;

            public Builder() {}

            /** Whether the compensations run all at once rather than in reverse order; default false. */
            public Builder setParallelCompensation(boolean parallelCompensation) {
                this.parallelCompensation = parallelCompensation;
                return this;
            }

            /**
             * Whether sequential compensation goes on past a compensation that failed (the failures are
             * collected); default false. Parallel compensation always runs every compensation.
             */
            public Builder setContinueWithError(boolean continueWithError) {
                this.continueWithError = continueWithError;
                return this;
            }

            public Options build() {
                return new Options(parallelCompensation, continueWithError);
            }
        }
    }

    /** Compensations failed: the cause is the first failure, later ones are suppressed. */
    public static class CompensationException extends RuntimeException {

        public CompensationException(Throwable cause) {
            super("Exception from saga compensate", cause);
        }
    }
}
