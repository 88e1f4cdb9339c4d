package io.perdura.samples.order;

import io.perdura.sdk.workflow.WorkflowInterface;
import io.perdura.sdk.workflow.WorkflowMethod;

/** Workflow type {@code Shipping}, the child of {@code OrderFulfillment}: books a carrier for the order. */
@WorkflowInterface
public interface Shipping {

    @WorkflowMethod(name = "Shipping")
    String ship(Order order);
}
