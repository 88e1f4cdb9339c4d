package io.perdura.samples.order;

import io.perdura.samples.Samples;
import io.perdura.sdk.activity.ActivityOptions;
import io.perdura.sdk.workflow.Workflow;
import io.perdura.spring.WorkflowImpl;
import java.time.Duration;

/** Books the carrier; fails (non-retryable) when none ships to the address. */
@WorkflowImpl(taskQueue = Samples.TASK_QUEUE)
public class ShippingWorkflow implements Shipping {

    private final OrderActivities activities = Workflow.newActivityStub(
            OrderActivities.class,
            ActivityOptions.builder()
                    .setStartToCloseTimeout(Duration.ofSeconds(10))
                    .build());

    @Override
    public String ship(Order order) {
        return activities.bookCarrier(order.orderId(), order.address());
    }
}
