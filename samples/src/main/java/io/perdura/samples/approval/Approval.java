package io.perdura.samples.approval;

import io.perdura.sdk.workflow.QueryMethod;
import io.perdura.sdk.workflow.SignalMethod;
import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;

/**
 * Workflow type {@code Approval}: input {@code [request]}; waits for signal {@code approve}
 * ({@code [approver]}); query {@code status} answers {@code WAITING} until then; result {@code
 * "approved by <approver>"}.
 */
@WorkflowInterface
public interface Approval {

    @WorkflowMethod(name = "Approval")
    String request(String request);

    @SignalMethod(name = "approve")
    void approve(String approver);

    @QueryMethod(name = "status")
    String status();
}
