package io.perdura.samples.approval;

import io.perdura.samples.Samples;
import io.perdura.sdk.workflow.Workflow;
import io.perdura.spring.WorkflowImpl;

/** Waits, holding no thread, until someone approves. */
@WorkflowImpl(taskQueue = Samples.TASK_QUEUE)
public class ApprovalWorkflow implements Approval {

    private String approver;

    @Override
    public String request(String request) {
        Workflow.await(() -> approver != null);
        return "approved by " + approver;
    }

    @Override
    public void approve(String approver) {
        if (this.approver == null) {
            this.approver = approver;
        }
    }

    @Override
    public String status() {
        return approver == null ? "WAITING" : "APPROVED";
    }
}
