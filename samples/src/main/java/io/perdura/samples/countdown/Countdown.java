package io.perdura.samples.countdown;

import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;

/**
 * Workflow type {@code Countdown}: input {@code [n]}; continues as new with {@code n - 1} until 0,
 * then returns {@code "liftoff"}. Each run is short; the chain of runs is one workflow id.
 */
@WorkflowInterface
public interface Countdown {

    @WorkflowMethod(name = "Countdown")
    String countdown(int n);
}
