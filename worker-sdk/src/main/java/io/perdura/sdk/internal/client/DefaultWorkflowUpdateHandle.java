package io.perdura.sdk.internal.client;

import io.perdura.sdk.client.WorkflowExecution;
import io.perdura.sdk.client.WorkflowUpdateException;
import io.perdura.sdk.client.WorkflowUpdateHandle;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A handle on an update sent by {@link WorkflowUpdateCall}: its outcome once known (given at once
 * when the call waited for COMPLETED), else asked of the server with the same update id.
 */
final class DefaultWorkflowUpdateHandle<R> implements WorkflowUpdateHandle<R> {

    private final WorkflowUpdateCall<R> call;
    private volatile CompletableFuture<R> outcome;

    private DefaultWorkflowUpdateHandle(WorkflowUpdateCall<R> call, CompletableFuture<R> outcome) {
        this.call = call;
        this.outcome = outcome;
    }

    /** A handle on an accepted update, whose outcome is asked of the server when wanted. */
    static <R> DefaultWorkflowUpdateHandle<R> accepted(WorkflowUpdateCall<R> call) {
        return new DefaultWorkflowUpdateHandle<>(call, null);
    }

    /** A handle on an update whose handler returned {@code result}. */
    static <R> DefaultWorkflowUpdateHandle<R> completed(WorkflowUpdateCall<R> call, R result) {
        return new DefaultWorkflowUpdateHandle<>(call, CompletableFuture.completedFuture(result));
    }

    /** A handle on an update whose handler threw. */
    static <R> DefaultWorkflowUpdateHandle<R> failed(WorkflowUpdateCall<R> call, WorkflowUpdateException failure) {
        return new DefaultWorkflowUpdateHandle<>(call, CompletableFuture.failedFuture(failure));
    }

    @Override
    public WorkflowExecution getExecution() {
        return call.execution();
    }

    @Override
    public String getId() {
        return call.updateId();
    }

    @Override
    public R getResult() {
        return result(null);
    }

    @Override
    public R getResult(long timeout, TimeUnit unit) {
        return result(Duration.ofNanos(unit.toNanos(timeout)));
    }

    @Override
    public CompletableFuture<R> getResultAsync() {
        return async(this::getResult);
    }

    @Override
    public CompletableFuture<R> getResultAsync(long timeout, TimeUnit unit) {
        return async(() -> getResult(timeout, unit));
    }

    private R result(Duration within) {
        CompletableFuture<R> known = outcome;
        if (known != null) {
            try {
                return known.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        try {
            R result = call.result(within);
            outcome = CompletableFuture.completedFuture(result);
            return result;
        } catch (WorkflowUpdateException e) {
            outcome = CompletableFuture.failedFuture(e);
            throw e;
        }
    }

    /** Runs a blocking wait on a virtual thread of its own. */
    private static <T> CompletableFuture<T> async(Supplier<T> wait) {
        return CompletableFuture.supplyAsync(
                wait,
                command -> Thread.ofVirtual().name("perdura-update-result").start(command));
    }
}
