package io.perdura.samples.bench;

import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;

/**
 * Workflow type {@code Sleep}: input {@code [millis]}; sleeps on one durable timer and does nothing
 * else; result: the workflow time that passed across the sleep, in milliseconds, so that {@code
 * result - millis} is how late the timer fired (including the workflow task that observed it). The
 * benchmark's {@code timer} and {@code idle-scale} workloads.
 */
@WorkflowInterface
public interface Sleep {

    @WorkflowMethod(name = "Sleep")
    long sleep(long millis);
}
