package io.perdura.samples.payment;

import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;

/**
 * Workflow type {@code FlakyPayment}: input {@code [failTimes]}; its activity fails {@code
 * failTimes} times, then succeeds; result {@code "paid after <failTimes+1> attempts"}.
 */
@WorkflowInterface
public interface FlakyPayment {

    @WorkflowMethod(name = "FlakyPayment")
    String pay(int failTimes);
}
