package io.perdura.samples.order;

import io.perdura.samples.Samples;
import io.perdura.sdk.activity.ActivityOptions;
import io.perdura.sdk.failure.ActivityFailure;
import io.perdura.sdk.failure.ApplicationFailure;
import io.perdura.sdk.failure.ChildWorkflowFailure;
import io.perdura.sdk.workflow.Async;
import io.perdura.sdk.workflow.ChildWorkflowOptions;
import io.perdura.sdk.workflow.Promise;
import io.perdura.sdk.workflow.Saga;
import io.perdura.sdk.workflow.Workflow;
import io.perdura.spring.WorkflowImpl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Parallel activities, a child workflow and a saga: every reservation and the charge run at once
 * (their ActivityTaskScheduled events are written in one workflow task), each registering its
 * compensation; then the {@code Shipping} child ships the order. A failure anywhere compensates in
 * reverse order and fails the order.
 */
@WorkflowImpl(taskQueue = Samples.TASK_QUEUE)
public class OrderFulfillmentWorkflow implements OrderFulfillment {

    private final OrderActivities activities = Workflow.newActivityStub(
            OrderActivities.class,
            ActivityOptions.builder()
                    .setStartToCloseTimeout(Duration.ofSeconds(10))
                    .build());

    @Override
    public String fulfill(Order order) {
        Saga saga = new Saga(Saga.Options.newBuilder().build());
        try {
            List<Promise<?>> steps = new ArrayList<>();
            for (String item : order.items()) {
                steps.add(Async.function(activities::reserveItem, order.orderId(), item));
                saga.addCompensation(activities::releaseItem, order.orderId(), item);
            }
            Promise<String> payment = Async.function(activities::chargeOrder, order.orderId(), order.amountCents());
            steps.add(payment);
            Promise.allOf(steps.toArray(Promise<?>[]::new)).get();
            saga.addCompensation(activities::refundOrder, order.orderId(), payment.get());

            Shipping shipping = Workflow.newChildWorkflowStub(
                    Shipping.class,
                    ChildWorkflowOptions.newBuilder()
                            .setWorkflowId(Workflow.getInfo().getWorkflowId() + "-shipping")
                            .build());
            return "order " + order.orderId() + " fulfilled: " + shipping.ship(order);
        } catch (ActivityFailure | ChildWorkflowFailure failure) {
            saga.compensate();
            throw ApplicationFailure.newNonRetryableFailure(
                    "order " + order.orderId() + " failed and was compensated: " + failure.getMessage(), "OrderFailed");
        }
    }
}
