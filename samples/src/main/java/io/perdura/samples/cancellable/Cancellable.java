package io.perdura.samples.cancellable;

import io.perdura.sdk.workflow.QueryMethod;
import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;

/**
 * Workflow type {@code Cancellable}: input {@code []}; sleeps an hour. Cancelled
 * ({@code POST …/cancel}), it runs a cleanup activity and then closes CANCELED; query {@code
 * cleanedUp} answers {@code true} once the cleanup ran.
 */
@WorkflowInterface
public interface Cancellable {

    @WorkflowMethod(name = "Cancellable")
    String run();

    @QueryMethod(name = "cleanedUp")
    boolean cleanedUp();
}
