package io.perdura.samples.reminder;

import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;

/**
 * Workflow type {@code Reminder}: input {@code [message, delaySeconds]}; sleeps, then calls an
 * activity; result {@code "Reminder: <message>"}.
 */
@WorkflowInterface
public interface Reminder {

    @WorkflowMethod(name = "Reminder")
    String remind(String message, long delaySeconds);
}
