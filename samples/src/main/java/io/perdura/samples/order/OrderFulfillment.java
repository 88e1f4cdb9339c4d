package io.perdura.samples.order;

import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;

/**
 * Workflow type {@code OrderFulfillment}: input {@code [{"orderId", "items", "amountCents",
 * "address"}]}. Reserves every item and charges the payment in parallel, then ships the order with
 * a {@code Shipping} child workflow; result {@code "order <id> fulfilled: <shipping result>"}. When a
 * step fails, the saga undoes what was done (refund, then releases, newest first) and the workflow
 * fails with type {@code OrderFailed}.
 */
@WorkflowInterface
public interface OrderFulfillment {

    @WorkflowMethod(name = "OrderFulfillment")
    String fulfill(Order order);
}
