package io.perdura.samples.reminder;

import io.perdura.samples.Samples;
import io.perdura.sdk.activity.ActivityOptions;
import io.perdura.sdk.workflow.Workflow;
import io.perdura.spring.WorkflowImpl;
import java.time.Duration;

/** Sleeps on a durable timer, then notifies. */
@WorkflowImpl(taskQueue = Samples.TASK_QUEUE)
public class ReminderWorkflow implements Reminder {

    private final Notifications notifications = Workflow.newActivityStub(
            Notifications.class,
            ActivityOptions.builder()
                    .setStartToCloseTimeout(Duration.ofSeconds(10))
                    .build());

    @Override
    public String remind(String message, long delaySeconds) {
        Workflow.sleep(Duration.ofSeconds(delaySeconds));
        return notifications.notify(message);
    }
}
