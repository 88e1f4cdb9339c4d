package io.perdura.sdk.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An update that was accepted (or completed): its id, and its result once its handler returned. A
 * handler's failure is a {@link WorkflowUpdateException} whose cause is what it threw.
 */
public interface WorkflowUpdateHandle<R> {

    /** The workflow the update was sent to; its run id is null when the stub addresses the latest run. */
    WorkflowExecution getExecution();

    /** The update id: sending an update with it again returns this update's outcome. */
    String getId();

    /** Waits as long as it takes for the result. */
    R getResult();

    /** Waits at most {@code timeout}; a {@link WorkflowServiceException} of type TIMEOUT when it elapses. */
    R getResult(long timeout, TimeUnit unit);

    /** The result, without blocking the caller. */
    CompletableFuture<R> getResultAsync();

    /** The result within {@code timeout}, without blocking the caller. */
    CompletableFuture<R> getResultAsync(long timeout, TimeUnit unit);
}
