package io.perdura.samples.counter;

import io.perdura.sdk.workflow.QueryMethod;
import io.perdura.sdk.workflow.SignalMethod;
import io.perdura.sdk.workflow.UpdateMethod;
import io.perdura.sdk.workflow.UpdateValidatorMethod;
import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;

/**
 * Workflow type {@code Counter}: input {@code []}; update {@code add} ({@code [k]}) adds {@code k}
 * and answers the new total, and is rejected, leaving no trace in history, when {@code k < 0};
 * query {@code value} answers the total; signal {@code finish} completes the run with the total.
 */
@WorkflowInterface
public interface Counter {

    @WorkflowMethod(name = "Counter")
    int count();

    @UpdateMethod(name = "add")
    int add(int k);

    @UpdateValidatorMethod(updateName = "add")
    void validateAdd(int k);

    @QueryMethod(name = "value")
    int value();

    @SignalMethod(name = "finish")
    void finish();
}
